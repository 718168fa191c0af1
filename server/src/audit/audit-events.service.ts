import { Injectable } from '@nestjs/common';
import type {
  AuditAction,
  AuditEntityType,
  AuditEvent as AuditEventRecord,
  Role,
} from '@generattivi/shared';
import { maskBeneficiaryChanges, seesPersonalDetails } from '../beneficiaries/beneficiary.record';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EVERYONE, findInScope, listInScope } from '../auth/scope';
import { columns } from '../common/list-columns';
import { defineListSpec, ListResult, RawListParams } from '../common/list-query';
import { AuditEvent } from './audit-event.entity';
import { SubjectKeysService } from './subject-keys.service';

export const AUDIT_LIST = defineListSpec({
  resource: 'audit-events',
  alias: 'e',
  fields: columns('id:int at:instant actorId:int action:string entityType:string entityId:int'),
  defaultSort: ['id', 'DESC'],
});

export type { AuditEventRecord };

/**
 * An event (as SubjectKeysService.reveal gives it) as `viewer` may see it. Managers see
 * beneficiaries' fiscal codes masked and no contact details, in the trail as everywhere
 * else, and no hashes at all: a hash is derived from the whole event, and whatever is
 * derived from data shown masked could help guess it. The stored event stays whole, so the
 * chain still verifies.
 */
export function toAuditEventRecord(e: AuditEvent, viewer?: { role: Role }): AuditEventRecord {
  const changes = JSON.parse(e.changes) as AuditEventRecord['changes'];
  const masked = viewer && !seesPersonalDetails(viewer.role);
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    // The column holds what NewAuditEvent.action allowed to be written.
    action: e.action as AuditAction,
    // The column holds what NewAuditEvent.entityType allowed to be written.
    entityType: e.entityType as AuditEntityType,
    entityId: e.entityId,
    changes: masked && e.entityType === 'beneficiaries' ? maskBeneficiaryChanges(changes) : changes,
    ...(masked ? {} : { hash: e.hash, prevHash: e.prevHash }),
  } satisfies AuditEventRecord;
}

@Injectable()
export class AuditEventsService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly subjects: SubjectKeysService,
  ) {}

  /** A page of events, their personal fields decrypted (or erased). */
  async list(raw: RawListParams): Promise<ListResult<AuditEvent>> {
    const page = await listInScope(this.events, AUDIT_LIST, EVERYONE, raw);
    return { ...page, rows: await this.subjects.reveal(page.rows) };
  }

  async get(id: number): Promise<AuditEvent> {
    const [event] = await this.subjects.reveal([
      await findInScope(this.events, AUDIT_LIST, EVERYONE, id),
    ]);
    return event;
  }
}
