import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts a long enough password with some variety', () => {
    expect(passwordProblem('督查督办-2026-Spring', 'office')).toBeNull();
    expect(passwordProblem('abcd123456', 'office')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting Chinese characters as one each', () => {
    expect(passwordProblem('abc123456', 'office')).toMatch(/至少 10/);
    expect(passwordProblem('督查督办督查督办督查', 'office')).toMatch(/过于简单/);
    expect(passwordProblem('督查督办工作责任落实好', 'office')).toBeNull();
  });

  it('refuses repeated characters and the username inside the password', () => {
    expect(passwordProblem('aaaaaaaaaaaa', 'office')).toMatch(/过于简单/);
    expect(passwordProblem('my-Office-2026', 'office')).toMatch(/用户名/);
  });

  it('refuses more than 200 characters', () => {
    expect(passwordProblem('ab1-'.repeat(51), 'office')).toMatch(/不能超过/);
  });
});
