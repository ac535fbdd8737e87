/**
 * What a log line may show of a URL: secrets that travel in URLs (calendar feed tokens, the queue board's
 * `?token=`, any access/refresh token or password in a query) are replaced.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/calendar\/)[^/?#]+/i, '$1[redacted]')
    .replace(
      /([?&](?:token|access_token|accessToken|refreshToken|refresh_token|password|secret)=)[^&#]*/gi,
      '$1[redacted]',
    );
}
