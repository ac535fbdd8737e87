import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, getRefreshToken, getToken, setToken, setUnauthorizedHandler } from '../api/client';
import type { Department, LoginAnswer, Plan, Role, User } from '../api/types';
import { DEFAULT_TIME_ZONE } from './time';

const PLAN_KEY = 'worktracker.planId';

interface Session {
  user: User | null;
  /** True until the stored token has been checked against /auth/me. */
  loading: boolean;
  /** Set when the API answered 401 to a signed-in request: shown once on the login page. */
  expired: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => void;
  plans: Plan[];
  plan: Plan | null;
  setPlanId: (id: string) => void;
  timeZone: string;
  /** The time zone of the plan a task belongs to (a department's tasks may come from several plans). */
  zoneOf: (planId: string | null | undefined) => string;
  departments: Department[];
  departmentName: (id: string | null | undefined) => string;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState<boolean>(getToken() !== null);
  const [expired, setExpired] = useState(false);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [planId, setPlanIdState] = useState<string | null>(sessionStorage.getItem(PLAN_KEY));
  const [departments, setDepartments] = useState<Department[]>([]);

  const logout = useCallback(() => {
    // Ends the session on the server too (its refresh token stops working); signed out here either way.
    const refreshToken = getRefreshToken();
    if (getToken() && refreshToken) api.post('/auth/logout', { refreshToken }).catch(() => undefined);
    setToken(null);
    setUser(null);
    setPlans([]);
    setDepartments([]);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      setExpired(true);
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  // Whoever is signed in needs the plans (for the time zone) and the departments (for names).
  const loadReference = useCallback(async () => {
    const [planPage, departmentPage] = await Promise.all([
      api.get<{ items: Plan[] }>('/plans', { pageSize: 200 }),
      api.get<{ items: Department[] }>('/departments', { pageSize: 200 }),
    ]);
    const sorted = [...planPage.items].sort(
      (a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.year - a.year,
    );
    setPlans(sorted);
    setDepartments(departmentPage.items);
    setPlanIdState((current) =>
      current && sorted.some((p) => p.id === current) ? current : (sorted[0]?.id ?? null),
    );
  }, []);

  useEffect(() => {
    if (!getToken()) return;
    api
      .get<User>('/auth/me')
      .then(async (me) => {
        setUser(me);
        await loadReference();
      })
      .catch(() => logout())
      .finally(() => setLoading(false));
  }, [loadReference, logout]);

  const login = useCallback(
    async (username: string, password: string) => {
      const answer = await api.post<LoginAnswer>('/auth/login', { username, password });
      setToken(answer.accessToken, answer.refreshToken);
      await loadReference();
      setExpired(false);
      setUser(answer.user);
      return answer.user;
    },
    [loadReference],
  );

  const setPlanId = useCallback((id: string) => {
    sessionStorage.setItem(PLAN_KEY, id);
    setPlanIdState(id);
  }, []);

  const value = useMemo<Session>(() => {
    const plan = plans.find((p) => p.id === planId) ?? null;
    const names = new Map(departments.map((d) => [d.id, d.name]));
    return {
      user,
      loading,
      expired,
      login,
      logout,
      plans,
      plan,
      setPlanId,
      timeZone: plan?.timeZone ?? DEFAULT_TIME_ZONE,
      zoneOf: (planId) => plans.find((p) => p.id === planId)?.timeZone ?? plan?.timeZone ?? DEFAULT_TIME_ZONE,
      departments,
      departmentName: (id) => (id ? (names.get(id) ?? '—') : '—'),
    };
  }, [user, loading, expired, login, logout, plans, planId, setPlanId, departments]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export const isOffice = (role: Role | undefined): boolean => role === 'office';
export const isDepartment = (role: Role | undefined): boolean =>
  role === 'dept_manager' || role === 'dept_staff';
export const homePath = (role: Role): string => (isDepartment(role) ? '/my-tasks' : '/dashboard');
