import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Assignment as AssignmentRecord } from '@generattivi/shared';
import { Repository } from 'typeorm';
import type { Caller } from '../auth/caller';
import { findInScope, listInScope } from '../auth/scope';
import { columns } from '../common/list-columns';
import { defineListSpec, ListResult, RawListParams } from '../common/list-query';
import { Assignment } from './assignment.entity';

export const ASSIGNMENT_LIST = defineListSpec({
  resource: 'assignments',
  alias: 'a',
  fields: columns([
    'id:int pactId:int communityMakerId:int assignedById:int startedAt:instant',
    'endedAt:instant',
  ]),
  defaultSort: ['startedAt', 'DESC'],
});

export function toAssignmentRecord(a: Assignment): AssignmentRecord {
  return {
    id: a.id,
    pactId: a.pactId,
    communityMakerId: a.communityMakerId,
    assignedById: a.assignedById,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    reason: a.reason,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The assignment history: written only by POST /api/pacts/:id/assign. */
@Injectable()
export class AssignmentsService {
  constructor(@InjectRepository(Assignment) private readonly assignments: Repository<Assignment>) {}

  list(caller: Caller, raw: RawListParams): Promise<ListResult<Assignment>> {
    return listInScope(this.assignments, ASSIGNMENT_LIST, { caller, kind: 'pact-children' }, raw);
  }

  get(caller: Caller, id: number): Promise<Assignment> {
    return findInScope(this.assignments, ASSIGNMENT_LIST, { caller, kind: 'pact-children' }, id);
  }
}
