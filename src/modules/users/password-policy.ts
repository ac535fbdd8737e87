import { DomainError, ErrorCode } from '../../common/errors/domain-error';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return `密码至少 ${PASSWORD_MIN_LENGTH} 个字符 (password must be at least ${PASSWORD_MIN_LENGTH} characters)`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符 (password must be at most ${PASSWORD_MAX_LENGTH} characters)`;
  }
  if (new Set(password).size < 4) {
    return '密码过于简单，请勿使用重复字符 (password has too few distinct characters)';
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    return '密码不能包含用户名 (password must not contain the username)';
  }
  return null;
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new DomainError(ErrorCode.Validation, problem, { field: 'password' });
}
