import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { Brackets, DataSource } from 'typeorm';
import { Actor, isDepartmentRole } from '../../common/auth/actor';
import { DomainError, ErrorCode, notFound, unprocessable } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import { Clock } from '../../common/time/clock';
import { DepartmentsService, escapeLike } from '../departments/departments.service';
import { User } from '../users/entities/user.entity';
import { assertPasswordPolicy } from '../users/password-policy';
import { AccountView, CreateAccountDto, ListAccountsQuery, UpdateAccountDto } from './dto/account.dto';
import { AuthService } from './auth.service';

/** The admin's management of accounts (`/users`). Every change is audited (the audit subscriber). */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAccountsQuery): Promise<Page<AccountView>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').orderBy('u.username', 'ASC');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.departmentId) qb.andWhere('u.department_id = :d', { d: query.departmentId });
    if (query.disabled !== undefined) qb.andWhere('u.disabled = :disabled', { disabled: query.disabled });
    if (query.q) {
      const like = `%${escapeLike(query.q)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.username ILIKE :like', { like }).orWhere('u.display_name ILIKE :like', { like }),
        ),
      );
    }
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((r) => AccountView.of(r)),
      total,
      query,
    );
  }

  async get(id: string): Promise<AccountView> {
    return AccountView.of(await this.find(id));
  }

  async create(dto: CreateAccountDto): Promise<AccountView> {
    this.checkDepartment(dto.role, dto.departmentId ?? null);
    if (dto.departmentId) await this.departments.requireAll([dto.departmentId]);
    assertPasswordPolicy(dto.password, dto.username);
    const passwordHash = await argon2.hash(dto.password, { type: argon2.argon2id });
    const saved = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      if (await repo.existsBy({ username: dto.username })) {
        throw new DomainError(ErrorCode.Conflict, `用户名已存在 (username taken): ${dto.username}`);
      }
      return repo.save(
        repo.create({
          username: dto.username,
          displayName: dto.displayName,
          passwordHash,
          role: dto.role,
          departmentId: dto.departmentId ?? null,
          email: dto.email ?? null,
          passwordChangedAt: this.clock.now(),
        }),
      );
    });
    return this.get(saved.id);
  }

  /**
   * Changes an account. Disabling it or resetting its password ends all its sessions at once (access
   * tokens by the token version, refresh tokens by revocation). An admin cannot disable or demote themself.
   */
  async update(id: string, dto: UpdateAccountDto, actor: Actor): Promise<AccountView> {
    const user = await this.find(id);
    if (user.id === actor.id && (dto.disabled === true || (dto.role && dto.role !== user.role))) {
      throw unprocessable('不能停用自己或更改自己的角色 (you cannot disable or change the role of yourself)');
    }
    const role = dto.role ?? user.role;
    const departmentId = dto.departmentId !== undefined ? dto.departmentId : user.departmentId;
    this.checkDepartment(role, departmentId);
    if (departmentId && departmentId !== user.departmentId) await this.departments.requireAll([departmentId]);
    if (dto.password !== undefined) assertPasswordPolicy(dto.password, user.username);
    const passwordHash =
      dto.password !== undefined ? await argon2.hash(dto.password, { type: argon2.argon2id }) : null;

    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('用户', id);
      const endSessions = (dto.disabled === true && !row.disabled) || passwordHash !== null;
      Object.assign(row, {
        displayName: dto.displayName ?? row.displayName,
        role,
        departmentId,
        email: dto.email !== undefined ? dto.email : row.email,
        disabled: dto.disabled ?? row.disabled,
      });
      if (dto.unlock) Object.assign(row, { lockedUntil: null, failedLoginCount: 0 });
      if (passwordHash !== null) Object.assign(row, { passwordHash, passwordChangedAt: this.clock.now() });
      if (endSessions) row.tokenVersion += 1;
      await repo.save(row);
      if (endSessions) await this.auth.revokeAllOf(em, row.id, actor);
    });
    return this.get(id);
  }

  private async find(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('用户', id);
    return user;
  }

  private checkDepartment(role: User['role'], departmentId: string | null): void {
    if (isDepartmentRole(role) && !departmentId) {
      throw unprocessable(
        '单位角色（dept_manager、dept_staff）必须指定单位 (departmentId is required for department roles)',
      );
    }
  }
}
