import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { Page, PageQuery, pageOf } from '../../common/http/pagination';
import { DepartmentsService } from '../departments/departments.service';
import { CreateWebhookDto, UpdateWebhookDto, WebhookView } from './dto/webhook.dto';
import { DepartmentWebhook } from './entities/department-webhook.entity';

/** A department's webhooks (robots and endpoints that receive its notices), managed by the office. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(DepartmentWebhook) private readonly hooks: Repository<DepartmentWebhook>,
    private readonly departments: DepartmentsService,
  ) {}

  async list(departmentId: string, query: PageQuery): Promise<Page<WebhookView>> {
    await this.departments.get(departmentId);
    const [rows, total] = await this.withSecret()
      .where('w.department_id = :departmentId', { departmentId })
      .orderBy('w.created_at', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(view), total, query);
  }

  async create(departmentId: string, dto: CreateWebhookDto): Promise<WebhookView> {
    await this.departments.get(departmentId);
    const saved = await this.hooks.save(
      this.hooks.create({
        departmentId,
        url: dto.url,
        format: dto.format,
        msgType: dto.msgType ?? 'text',
        secret: dto.secret ?? null,
        enabled: dto.enabled ?? true,
      }),
    );
    return view(await this.load(saved.id));
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookView> {
    const hook = await this.load(id);
    if (dto.url !== undefined) hook.url = dto.url;
    if (dto.format !== undefined) hook.format = dto.format;
    if (dto.msgType !== undefined) hook.msgType = dto.msgType;
    if (dto.secret !== undefined) hook.secret = dto.secret;
    if (dto.enabled !== undefined) hook.enabled = dto.enabled;
    // save (not update): the audit log gets the row before and after.
    await this.hooks.save(hook);
    return view(await this.load(id));
  }

  async remove(id: string): Promise<void> {
    await this.hooks.remove(await this.load(id));
  }

  private withSecret(): SelectQueryBuilder<DepartmentWebhook> {
    return this.hooks.createQueryBuilder('w').addSelect('w.secret');
  }

  private async load(id: string): Promise<DepartmentWebhook> {
    const hook = await this.withSecret().where('w.id = :id', { id }).getOne();
    if (!hook) throw notFound('Webhook', id);
    return hook;
  }
}

function view(hook: DepartmentWebhook): WebhookView {
  return WebhookView.of(hook, !!hook.secret);
}
