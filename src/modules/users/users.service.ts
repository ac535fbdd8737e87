import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { EntityManager, Repository } from 'typeorm';
import { Role } from '../../common/auth/actor';
import { User } from './entities/user.entity';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId: string | null;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  /**
   * Active users who should receive a notice: those of the given roles in the given departments, plus
   * everyone holding one of `globalRoles` (the office, the leaders).
   */
  async recipients(
    departmentIds: string[],
    departmentRoles: Role[],
    globalRoles: Role[],
    em?: EntityManager,
  ): Promise<Pick<User, 'id' | 'email' | 'departmentId' | 'role'>[]> {
    // Inside the caller's transaction when given one: a delivery then holds a single pooled connection.
    return (em ? em.getRepository(User) : this.users)
      .createQueryBuilder('u')
      .select(['u.id', 'u.email', 'u.departmentId', 'u.role'])
      .where('u.disabled = false')
      .andWhere(
        '((u.department_id = ANY(:departmentIds) AND u.role = ANY(:departmentRoles)) OR u.role = ANY(:globalRoles))',
        { departmentIds, departmentRoles, globalRoles },
      )
      .orderBy('u.username')
      .getMany();
  }

  /** The user with the fields a login needs (the password hash included), or null. */
  findForLogin(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  /** Whether the password matches; an unknown user costs the same time, so timing does not tell. */
  async checkPassword(user: User | null, password: string): Promise<boolean> {
    if (!user) {
      await argon2.verify(DUMMY_HASH, password).catch(() => false);
      return false;
    }
    return argon2.verify(user.passwordHash, password).catch(() => false);
  }

  async create(input: NewUser): Promise<User> {
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    return this.users.save(
      this.users.create({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        departmentId: input.departmentId,
      }),
    );
  }
}

// argon2id hash of a random string, used only to spend the same time on unknown usernames.
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$e/8Hh1mrKNzpc+ZVQYj25A$dWNpzAFw/QPj27wvvNI0FHMUhcb4v7/Q68545qDoC+4';
