import { redactUrl } from './redact';

describe('redactUrl', () => {
  it('hides calendar feed tokens and secrets in query strings', () => {
    expect(redactUrl('/calendar/abcDEF123.ics')).toBe('/calendar/[redacted]');
    expect(redactUrl('/admin/queues?token=eyJhbGciOi.x.y&x=1')).toBe('/admin/queues?token=[redacted]&x=1');
    expect(redactUrl('/api/v1/x?page=2&refreshToken=zzz')).toBe('/api/v1/x?page=2&refreshToken=[redacted]');
  });

  it('leaves ordinary URLs alone', () => {
    expect(redactUrl('/api/v1/tasks?status=overdue&page=2')).toBe('/api/v1/tasks?status=overdue&page=2');
  });
});
