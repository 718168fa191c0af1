import { columns } from '../common/list-columns';
import { defineListSpec } from '../common/list-query';
import { ACCESS_VIAS, type AccessLogEntry, type AccessVia } from './access-log.entity';

/** The records whose reads are logged. */
export const ACCESS_LOG_ENTITY_TYPES = ['beneficiaries', 'households', 'pacts'] as const;

/** `GET /access-log` and `GET /beneficiaries/:id/access-log`: reads, newest first. */
export const ACCESS_LOG_LIST = defineListSpec({
  resource: 'access-log',
  alias: 'l',
  fields: columns('id:int at:instant actorId:int entityType:enum entityId:int via:enum', {
    entityType: { values: ACCESS_LOG_ENTITY_TYPES },
    via: { values: ACCESS_VIAS },
  }),
  defaultSort: ['at', 'DESC'],
});

export interface AccessLogRecord {
  id: number;
  at: string;
  actorId: number;
  entityType: string;
  entityId: number;
  via: AccessVia;
}

export const toAccessLogRecord = (e: AccessLogEntry): AccessLogRecord => ({
  id: e.id,
  at: e.at,
  actorId: e.actorId,
  entityType: e.entityType,
  entityId: e.entityId,
  via: e.via,
});
