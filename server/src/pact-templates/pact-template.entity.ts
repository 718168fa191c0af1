import type { PactTemplateMilestone, PactType } from '@generattivi/shared';
import { Column, Entity, Index } from 'typeorm';
import { ReferenceColumn, VersionedRecord } from '../database/columns';
import { Territory } from '../territories/territory.entity';

/**
 * A modello di patto: per type, for one territory or every one (null). Its milestones are a
 * short list read and written whole with it (at most PACT_TEMPLATE_LIMITS.maxMilestones,
 * checked on every write), so they are a JSON column rather than a child table.
 */
@Entity('pact_templates')
@Index(['type', 'territoryId'])
export class PactTemplate extends VersionedRecord {
  @Column({ type: 'varchar', length: 12 })
  type!: PactType;

  @ReferenceColumn(() => Territory, { nullable: true })
  territoryId!: number | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  objectives!: string;

  @Column({ type: 'text', default: '' })
  citizenCommitments!: string;

  @Column({ type: 'text', default: '' })
  communityCommitments!: string;

  @Column({ type: 'integer' })
  durationDays!: number;

  @Column({ type: 'simple-json' })
  milestones!: PactTemplateMilestone[];
}
