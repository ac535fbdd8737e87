import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '../../common/auth/actor';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResult, UserView } from './dto/login.dto';

interface TokenClaims {
  sub: string;
  role: string;
}

const BAD_CREDENTIALS = '用户名或密码错误 (wrong username or password)';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResult> {
    const user = await this.users.verifyPassword(dto.username, dto.password);
    if (!user || user.disabled) throw new DomainError(ErrorCode.Unauthenticated, BAD_CREDENTIALS);
    const claims: TokenClaims = { sub: user.id, role: user.role };
    return { accessToken: await this.jwt.signAsync(claims), user: toUserView(user) };
  }

  /** The actor behind a bearer token, read fresh from the database so that role changes apply at once. */
  async actorFromToken(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, '登录已失效，请重新登录 (invalid or expired token)');
    }
    const user = typeof claims.sub === 'string' ? await this.users.findById(claims.sub) : null;
    if (!user || user.disabled) {
      throw new DomainError(ErrorCode.Unauthenticated, '账号不存在或已停用 (account missing or disabled)');
    }
    return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
  }

  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, '账号不存在 (account missing)');
    return toUserView(user);
  }
}

function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
  };
}
