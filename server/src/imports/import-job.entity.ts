import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn, ReferenceColumn } from '../database/columns';
import { User } from '../users/user.entity';

import type { ImportKind, ImportStatus } from '@generattivi/shared';

export type ImportFormat = 'csv' | 'xlsx';

/**
 * One upload of a spreadsheet: the file, its progress and its report. It is processed in the
 * background by whichever server instance holds its lease (leaseOwner until leaseUntil); a job
 * whose instance stopped is taken over by another once the lease expires.
 */
@Entity('imports')
@Index(['status', 'id'])
export class ImportJob {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: ImportKind;

  @Column({ type: 'varchar', length: 8 })
  status!: ImportStatus;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  @ReferenceColumn(() => User, { index: true })
  createdById!: number;

  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 4 })
  format!: ImportFormat;

  /** The uploaded bytes, base64 (kept for the report, which is the same file with «Esito»). */
  @Column({ type: 'text' })
  content!: string;

  /** Data rows in the file (empty rows not counted); processed: how many were handled so far. */
  @Column({ type: 'integer', default: 0 })
  rows!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  failed!: number;

  /** JSON: the report, one entry per data row. */
  @Column({ type: 'text', nullable: true })
  results!: string | null;

  /** JSON: what was noticed about the file as a whole (extra columns, misspelled headers). */
  @Column({ type: 'text', nullable: true })
  warnings!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @InstantColumn({ nullable: true })
  leaseUntil!: string | null;

  @InstantColumn()
  createdAt!: string;

  @InstantColumn({ nullable: true })
  finishedAt!: string | null;
}
