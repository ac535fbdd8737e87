import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('fills the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/worktracker',
      redisUrl: 'redis://127.0.0.1:6379',
      timeZone: 'Asia/Shanghai',
      demoPassword: 'changeme-demo',
      reminderSweepInterval: 'PT1M',
    });
  });

  it('names every bad setting at once', () => {
    const load = () => loadConfig({ PORT: 'abc', APP_TIME_ZONE: 'Mars/Base', REDIS_URL: 'not a url' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*APP_TIME_ZONE|APP_TIME_ZONE[\s\S]*PORT/);
    expect(load).toThrow(/REDIS_URL/);
  });

  it('requires JWT_SECRET in production only', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-enough-secret' }).jwtSecret).toBe(
      'a-long-enough-secret',
    );
  });

  it('takes an optional smtp:// or smtps:// SMTP_URL, and refuses anything else', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtps://notice:pw@mail.example.gov.cn:465' }).smtpUrl).toBe(
      'smtps://notice:pw@mail.example.gov.cn:465',
    );
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.gov.cn' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.gov.cn' })).toThrow(/SMTP_URL/);
  });
});
