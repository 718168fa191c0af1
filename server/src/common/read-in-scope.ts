import { Inject } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ObjectLiteral, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { findInScope, listInScope, LookupOptions, ScopeKind } from '../auth/scope';
import type { ListResult, ListSpec, RawListParams } from './list-query';
import { UnitOfWork } from './unit-of-work';

/**
 * The base of the service of a resource each caller reads within the scope `kind`
 * (auth/scope.ts): a page of its list, one record by id (404 when there is none or the caller
 * may not see it; `options` as findInScope takes them); its writes go through `uow`, audited
 * by `audit`. Repository, unit of work and audit are injected into the properties.
 */
export function ReadInScope<T extends ObjectLiteral>(
  entity: new () => T,
  spec: ListSpec,
  kind: ScopeKind,
) {
  class Reads {
    @InjectRepository(entity) private readonly repository!: Repository<T>;
    @Inject(UnitOfWork) protected readonly uow!: UnitOfWork;
    @Inject(AuditService) protected readonly audit!: AuditService;

    list(caller: Caller, raw: RawListParams): Promise<ListResult<T>> {
      return listInScope(this.repository, spec, { caller, kind }, raw);
    }

    get(caller: Caller, id: number, options?: LookupOptions): Promise<T> {
      return findInScope(this.repository, spec, { caller, kind }, id, options);
    }
  }
  return Reads;
}
