import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../../common/crypto/sha256';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/auth/actor';
import { DomainError, ErrorCode, tooManyRequests } from '../../common/errors/domain-error';
import { durationMs } from '../../common/time/duration';
import { Clock } from '../../common/time/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { assertPasswordPolicy } from '../users/password-policy';
import { UsersService } from '../users/users.service';
import { ChangePasswordDto, LoginDto, LoginResult, UserView } from './dto/login.dto';
import { RefreshToken } from './entities/refresh-token.entity';

interface TokenClaims {
  sub: string;
  role: string;
  /** The user's token version when the token was issued. */
  ver: number;
}

const BAD_CREDENTIALS = '用户名或密码错误 (wrong username or password)';
const SESSION_ENDED = '登录已失效，请重新登录 (session expired or revoked)';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    @Inject(JwtService) private readonly jwt: JwtService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the password; counts failures and locks the account for LOGIN_LOCKOUT_DURATION after
   * LOGIN_LOCKOUT_THRESHOLD of them in a row. Success and failure both leave an audit row.
   */
  async login(dto: LoginDto): Promise<LoginResult> {
    const now = this.clock.now();
    const user = await this.users.findForLogin(dto.username);
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.dataSource.transaction((em) =>
        this.audit.record(em, {
          action: 'auth.login',
          operation: 'login_refused_locked',
          entity: 'user',
          entityId: user.id,
          actor: user,
          after: { lockedUntil: user.lockedUntil },
        }),
      );
      throw this.lockedError(user.lockedUntil, now);
    }
    const ok = await this.users.checkPassword(user, dto.password);
    if (!user || !ok || user.disabled) {
      const lockedUntil = await this.dataSource.transaction((em) => this.loginFailed(em, dto.username, user));
      if (lockedUntil) throw this.lockedError(lockedUntil, now);
      throw new DomainError(ErrorCode.Unauthenticated, BAD_CREDENTIALS);
    }
    return this.dataSource.transaction(async (em) => {
      await em.query(
        'UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1',
        [user.id, now],
      );
      await this.audit.record(em, {
        action: 'auth.login',
        operation: 'login',
        entity: 'user',
        entityId: user.id,
        actor: user,
      });
      return this.issue(em, user, randomUUID());
    });
  }

  /** A new access token and a new refresh token in exchange for a valid refresh token (used once). */
  async refresh(refreshToken: string): Promise<LoginResult> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const row = await em.getRepository(RefreshToken).findOne({
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      const now = this.clock.now();
      if (!row || row.expiresAt <= now) return null;
      const user = await this.users.findById(row.userId);
      if (row.revokedAt) {
        // A replaced token used again: someone holds a copy. End the whole session family (and commit
        // that, before answering 401).
        await this.revokeWhere(em, 'family_id = $1', [row.familyId], user);
        return null;
      }
      if (!user || user.disabled) return null;
      await em.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE id = $1', [row.id, now]);
      return this.issue(em, user, row.familyId);
    });
    if (!outcome) throw new DomainError(ErrorCode.Unauthenticated, SESSION_ENDED);
    return outcome;
  }

  /** Ends the session the refresh token belongs to (its whole family); the access token expires soon. */
  async logout(refreshToken: string | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (refreshToken) {
        const [row] = await em.query<{ family_id: string }[]>(
          'SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2',
          [sha256(refreshToken), actor.id],
        );
        if (row) await this.revokeWhere(em, 'family_id = $1', [row.family_id], actor);
      } else {
        await this.revokeAllOf(em, actor.id, actor);
      }
      await this.audit.record(em, {
        operation: 'logout',
        entity: 'user',
        entityId: actor.id,
        after: { allSessions: !refreshToken },
      });
    });
  }

  /** Checks the current password, applies the policy, and ends every other session. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<LoginResult> {
    const user = await this.users.findForLogin(actor.username);
    if (!user || !(await this.users.checkPassword(user, dto.currentPassword))) {
      throw new DomainError(ErrorCode.Validation, '当前密码不正确 (current password is wrong)', {
        field: 'currentPassword',
      });
    }
    if (dto.currentPassword === dto.newPassword) {
      throw new DomainError(ErrorCode.Validation, '新密码不能与当前密码相同 (new password must differ)', {
        field: 'newPassword',
      });
    }
    assertPasswordPolicy(dto.newPassword, user.username);
    const hash = await argon2.hash(dto.newPassword, { type: argon2.argon2id });
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE users SET password_hash = $2, password_changed_at = $3, token_version = token_version + 1
         WHERE id = $1`,
        [user.id, hash, this.clock.now()],
      );
      await this.revokeAllOf(em, user.id, actor);
      await this.audit.record(em, {
        operation: 'password_changed',
        entity: 'user',
        entityId: user.id,
        after: { passwordChangedAt: this.clock.now() },
      });
      const fresh = await em.getRepository(User).findOneByOrFail({ id: user.id });
      return this.issue(em, fresh, randomUUID());
    });
  }

  /** Ends every session of a user (disabled, password reset by the admin). */
  async revokeAllOf(
    em: EntityManager,
    userId: string,
    actor: Pick<Actor, 'id' | 'username' | 'role'> | null,
  ) {
    await this.revokeWhere(em, 'user_id = $1', [userId], actor);
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
    if (claims.ver !== user.tokenVersion) throw new DomainError(ErrorCode.Unauthenticated, SESSION_ENDED);
    return { id: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
  }

  async me(actor: Actor): Promise<UserView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, '账号不存在 (account missing)');
    return UserView.of(user);
  }

  private async issue(em: EntityManager, user: User, familyId: string): Promise<LoginResult> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + durationMs(this.config.refreshTokenTtl));
    await em.insert(RefreshToken, { userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt });
    const claims: TokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      refreshTokenExpiresAt: expiresAt,
      user: UserView.of(user),
    };
  }

  private async loginFailed(em: EntityManager, username: string, user: User | null): Promise<Date | null> {
    let lockedUntil: Date | null = null;
    if (user) {
      const [row] = await em.query<{ failed_login_count: number }[]>(
        `WITH u AS (UPDATE users SET failed_login_count = failed_login_count + 1 WHERE id = $1
                    RETURNING failed_login_count)
         SELECT failed_login_count FROM u`,
        [user.id],
      );
      if (row.failed_login_count >= this.config.loginLockoutThreshold) {
        lockedUntil = new Date(this.clock.now().getTime() + durationMs(this.config.loginLockoutDuration));
        await em.query('UPDATE users SET failed_login_count = 0, locked_until = $2 WHERE id = $1', [
          user.id,
          lockedUntil,
        ]);
      }
    }
    await this.audit.record(em, {
      action: 'auth.login',
      operation: lockedUntil ? 'login_failed_locked' : 'login_failed',
      entity: 'user',
      entityId: user?.id ?? null,
      actor: user,
      after: { username: username.slice(0, 64), ...(user?.disabled ? { disabled: true } : {}), lockedUntil },
    });
    return lockedUntil;
  }

  private lockedError(lockedUntil: Date, now: Date): DomainError {
    const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
    return tooManyRequests(
      `登录失败次数过多，账号已暂时锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试 (account locked after repeated failed logins)`,
      seconds,
    );
  }

  private async revokeWhere(
    em: EntityManager,
    where: string,
    params: unknown[],
    actor: Pick<Actor, 'id' | 'username' | 'role'> | null,
  ): Promise<void> {
    // A CTE, because em.query answers [rows, count] for a bare UPDATE … RETURNING.
    const revoked = await em.query<{ user_id: string; family_id: string }[]>(
      `WITH r AS (UPDATE refresh_tokens SET revoked_at = $${params.length + 1}
                  WHERE ${where} AND revoked_at IS NULL RETURNING user_id, family_id)
       SELECT user_id, family_id FROM r`,
      [...params, this.clock.now()],
    );
    if (revoked.length === 0) return;
    await this.audit.record(em, {
      action: 'auth.revoke',
      operation: 'sessions_revoked',
      entity: 'user',
      entityId: revoked[0].user_id,
      actor,
      after: {
        refreshTokens: revoked.length,
        families: [...new Set(revoked.map((r) => r.family_id))].length,
      },
    });
  }
}
