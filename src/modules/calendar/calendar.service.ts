import { IN_FLIGHT_STATUSES } from '../tasks/task-status';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../common/crypto/sha256';
import { DataSource, IsNull } from 'typeorm';
import { Actor, isDepartmentRole, Role } from '../../common/auth/actor';
import { forbidden, notFound } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { Department } from '../departments/entities/department.entity';
import { DepartmentsService } from '../departments/departments.service';
import { PlansService } from '../plans/plans.service';
import { TasksService } from '../tasks/tasks.service';
import { calendarEvents, FeedPlan } from './calendar-events';
import { DepartmentCalendarToken } from './entities/department-calendar-token.entity';
import { IcsEvent, renderCalendar } from './ics';

/** 43 characters of base64url: 256 random bits. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A department's deadline calendar (iCalendar), behind a secret URL that calendar apps subscribe to. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly tasks: TasksService,
    private readonly plans: PlansService,
    private readonly clock: Clock,
  ) {}

  /**
   * A new secret for the department's feed; the one before stops working. The office and admins may issue
   * it for any department, a department manager for their own.
   */
  async issue(departmentId: string, actor: Actor): Promise<string> {
    if (isDepartmentRole(actor.role) && actor.departmentId !== departmentId) {
      throw forbidden('只能为本单位生成日历订阅地址 (only for your own department)');
    }
    await this.departments.get(departmentId);
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-token:${departmentId}`]);
      await em.update(
        DepartmentCalendarToken,
        { departmentId, revokedAt: IsNull() },
        { revokedAt: this.clock.now() },
      );
      await em.insert(DepartmentCalendarToken, {
        departmentId,
        tokenHash: sha256(token),
        createdById: actor.id,
        revokedAt: null,
      });
    });
    return token;
  }

  /** The feed for a token, as iCalendar text; 404 for a token that is unknown or was replaced. */
  async feed(token: string): Promise<string> {
    const department = await this.departmentOf(token);
    const now = this.clock.now();
    // What the department's own users see: tasks where it is lead or co-organizer.
    const reader: Actor = {
      id: department.id,
      username: `calendar:${department.code}`,
      role: Role.DeptStaff,
      departmentId: department.id,
    };
    const names = new Map<string, string>();
    const plans = new Map<string, FeedPlan>();
    const events: IcsEvent[] = [];
    for await (const batch of this.tasks.stream({ status: [...IN_FLIGHT_STATUSES] }, reader, now)) {
      const ids = batch
        .flatMap((t) => [t.leadDepartmentId, ...t.coDepartmentIds])
        .filter((id) => !names.has(id));
      for (const d of await this.departments.requireAll(ids)) names.set(d.id, d.name);
      for (const task of batch) {
        if (!plans.has(task.planId)) {
          const plan = await this.plans.get(task.planId);
          plans.set(plan.id, {
            title: plan.title,
            timeZone: plan.timeZone,
            acceptWithin: plan.policy.acceptWithin,
          });
        }
        events.push(
          ...calendarEvents(
            task,
            department.id,
            plans.get(task.planId) as FeedPlan,
            (id) => names.get(id) ?? '',
          ),
        );
      }
    }
    return renderCalendar({
      prodId: '-//worktracker//督查督办//ZH',
      name: `${department.name}·督查督办`,
      stamp: now,
      refresh: 'PT1H',
      events,
    });
  }

  private async departmentOf(token: string): Promise<Department> {
    const missing = notFound('日历订阅');
    if (!TOKEN.test(token)) throw missing;
    const row = await this.dataSource
      .getRepository(DepartmentCalendarToken)
      .findOneBy({ tokenHash: sha256(token), revokedAt: IsNull() });
    if (!row) throw missing;
    return this.departments.get(row.departmentId);
  }
}
