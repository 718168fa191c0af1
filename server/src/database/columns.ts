import { BeforeInsert, Column, ColumnOptions, PrimaryGeneratedColumn } from 'typeorm';
import { nowIso } from '../common/clock';

/** A calendar date kept as `YYYY-MM-DD` text on both engines (no time-zone drift). */
export const DateColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 10, ...options });

/**
 * An instant kept as ISO 8601 UTC text (`2026-11-25T10:00:00.000Z`): it round-trips exactly
 * on both engines, sorts and compares as text, and hashes the same everywhere.
 */
export const InstantColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 24, ...options });

/** `id`, `createdAt`, `updatedAt`: what every record carries (API.md). */
export abstract class BaseRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @InstantColumn()
  createdAt!: string;

  @InstantColumn()
  updatedAt!: string;

  @BeforeInsert()
  protected stampCreation(): void {
    const now = nowIso();
    this.createdAt ??= now;
    this.updatedAt ??= this.createdAt;
  }
}

/** An editable record: `version` for optimistic locking, bumped by every update. */
export abstract class VersionedRecord extends BaseRecord {
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
