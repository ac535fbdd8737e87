import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { DomainError, ErrorCode, notFound, unprocessable } from '../../common/errors/domain-error';
import { Page, pageOf } from '../../common/http/pagination';
import {
  CreateDepartmentDto,
  DepartmentView,
  ListDepartmentsQuery,
  UpdateDepartmentDto,
} from './dto/department.dto';
import { Department } from './entities/department.entity';

@Injectable()
export class DepartmentsService {
  constructor(@InjectRepository(Department) private readonly departments: Repository<Department>) {}

  async list(query: ListDepartmentsQuery): Promise<Page<DepartmentView>> {
    const qb = this.departments.createQueryBuilder('d').orderBy('d.code', 'ASC');
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('(d.name ILIKE :q OR d.code ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((d) => DepartmentView.of(d)),
      total,
      query,
    );
  }

  async get(id: string): Promise<Department> {
    const found = await this.departments.findOneBy({ id });
    if (!found) throw notFound('单位', id);
    return found;
  }

  async findByCode(code: string): Promise<Department | null> {
    return this.departments.findOneBy({ code });
  }

  /** Fails with 422 naming the ids that do not exist. */
  async requireAll(ids: string[], manager?: EntityManager): Promise<Department[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const repo = manager ? manager.getRepository(Department) : this.departments;
    const found = await repo.findBy({ id: In(unique) });
    const missing = unique.filter((id) => !found.some((d) => d.id === id));
    if (missing.length > 0) {
      throw unprocessable(`单位不存在 (unknown department): ${missing.join(', ')}`, { missing });
    }
    return found;
  }

  async create(dto: CreateDepartmentDto): Promise<Department> {
    if (dto.parentId) await this.requireAll([dto.parentId]);
    if (await this.departments.existsBy({ code: dto.code })) {
      throw new DomainError(ErrorCode.Conflict, `单位代码已存在 (department code taken): ${dto.code}`);
    }
    return this.departments.save(this.departments.create({ ...dto, parentId: dto.parentId ?? null }));
  }

  /** Renames or moves a department; a department cannot become its own ancestor. */
  async update(id: string, dto: UpdateDepartmentDto): Promise<Department> {
    return this.departments.manager.transaction(async (em) => {
      const repo = em.getRepository(Department);
      const department = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!department) throw notFound('单位', id);
      if (dto.parentId) {
        await this.requireAll([dto.parentId], em);
        const [cycle] = await em.query<{ hit: boolean }[]>(
          `WITH RECURSIVE up(id, parent_id) AS (
             SELECT id, parent_id FROM departments WHERE id = $1
             UNION SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
           SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS hit`,
          [dto.parentId, id],
        );
        if (cycle.hit)
          throw unprocessable('上级单位不能是本单位或其下级 (a department cannot be its own ancestor)');
      }
      Object.assign(department, {
        name: dto.name ?? department.name,
        kind: dto.kind ?? department.kind,
        parentId: dto.parentId !== undefined ? dto.parentId : department.parentId,
      });
      return repo.save(department);
    });
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
