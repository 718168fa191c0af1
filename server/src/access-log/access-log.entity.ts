import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns';

/** How a record reached its reader: alone, in a list page, a search, an export, a file. */
export const ACCESS_VIAS = [
  'one',
  'list',
  'search',
  'export',
  'document',
  'pdf',
  'subject-access',
] as const;
export type AccessVia = (typeof ACCESS_VIAS)[number];

/** The records whose reads are logged: the ones that carry a person's identifying data. */
export type LoggedEntity = 'beneficiaries' | 'households' | 'pacts';

/**
 * Who opened which person's record, when and how (GDPR art. 15): one row per record of one
 * beneficiary, household or pact in an answer; never its content. Kept ACCESS_LOG_MONTHS,
 * then purged (access-log-purge.ts).
 */
@Entity('access_log')
@Index(['entityType', 'entityId', 'at'])
@Index('IDX_access_log_at', ['at'])
@Index('IDX_access_log_actor_at', ['actorId', 'at'])
export class AccessLogEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @InstantColumn()
  at!: string;

  @Column({ type: 'integer' })
  actorId!: number;

  @Column({ type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ type: 'integer' })
  entityId!: number;

  @Column({ type: 'text' })
  via!: AccessVia;
}
