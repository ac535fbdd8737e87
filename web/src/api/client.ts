/** The one way the console talks to the API: same origin, /api/v1, bearer token kept for the tab only. */
const BASE = '/api/v1';
const TOKEN_KEY = 'worktracker.token';
const REFRESH_KEY = 'worktracker.refreshToken';

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  details?: unknown;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: ApiErrorBody,
  ) {
    super(message);
  }
}

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let refreshToken: string | null = sessionStorage.getItem(REFRESH_KEY);
let onUnauthorized: (() => void) | null = null;

export function getToken(): string | null {
  return token;
}

export function getRefreshToken(): string | null {
  return refreshToken;
}

/** The session's tokens (both null: signed out). Kept for the tab only. */
export function setToken(value: string | null, refresh: string | null = null): void {
  token = value;
  refreshToken = value ? refresh : null;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
  if (refreshToken) sessionStorage.setItem(REFRESH_KEY, refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
}

/**
 * Access tokens are short-lived: on a 401 the console trades its refresh token for new ones, once, and
 * repeats the request. Several requests failing together share one refresh.
 */
let refreshing: Promise<boolean> | null = null;

function renew(): Promise<boolean> {
  const current = refreshToken;
  if (!current) return Promise.resolve(false);
  refreshing ??= fetch(`${BASE}/auth/refresh`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken: current }),
  })
    .then(async (res) => {
      if (!res.ok) return false;
      const answer = (await res.json()) as { accessToken: string; refreshToken: string };
      setToken(answer.accessToken, answer.refreshToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Called when the API answers 401 to a signed-in request (expired or revoked token). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

function messageOf(body: ApiErrorBody | undefined, status: number): string {
  const m = body?.message;
  if (Array.isArray(m)) return m.join('；');
  if (m) return m;
  if (status === 0) return '无法连接服务器，请检查网络';
  return `请求失败（HTTP ${status}）`;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, messageOf(undefined, 0));
  }
  if (res.ok) return res;
  let errorBody: ApiErrorBody | undefined;
  try {
    errorBody = (await res.json()) as ApiErrorBody;
  } catch {
    errorBody = undefined;
  }
  if (res.status === 401 && token && path !== '/auth/login' && path !== '/auth/logout') {
    if (!retried && (await renew())) return send(method, path, body, query, true);
    setToken(null);
    onUnauthorized?.();
  }
  throw new ApiError(res.status, messageOf(errorBody, res.status), errorBody);
}

async function json<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const res = await send(method, path, body, query);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => json<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => json<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  /** Downloads a file the API produces (xlsx, csv) with the token, under the name the API gives. */
  async download(path: string, fallbackName: string, query?: Query): Promise<string> {
    const res = await send('GET', path, undefined, query);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return name;
  },
};

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
