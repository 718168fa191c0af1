import { Inject } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EVERYONE, findInScope, listInScope } from '../auth/scope';
import type { ListResult, ListSpec, RawListParams } from './list-query';
import { UnitOfWork } from './unit-of-work';

/**
 * The base of the service of a resource that describes the project rather than people (or the
 * directory of accounts), so every caller reads it in full (`EVERYONE`): a page of its list,
 * one record by id (inside `tx` when given, 404 when there is none); its writes go through
 * `uow`, audited by `audit`.
 * Repository, unit of work and audit are injected into the properties.
 */
export function ReadByEveryone<T extends ObjectLiteral>(entity: new () => T, spec: ListSpec) {
  class Reads {
    @InjectRepository(entity) private readonly repository!: Repository<T>;
    @Inject(UnitOfWork) protected readonly uow!: UnitOfWork;
    @Inject(AuditService) protected readonly audit!: AuditService;

    list(raw: RawListParams): Promise<ListResult<T>> {
      return listInScope(this.repository, spec, EVERYONE, raw);
    }

    get(id: number, tx?: EntityManager): Promise<T> {
      return findInScope(this.repository, spec, EVERYONE, id, { tx });
    }
  }
  return Reads;
}
