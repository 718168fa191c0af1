import {
  BeforeInsert,
  Column,
  ColumnOptions,
  Index,
  JoinColumn,
  ManyToOne,
  ObjectType,
  PrimaryGeneratedColumn,
} from 'typeorm';
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

/**
 * `<name>Id`: the integer id of an `entity` record, with the relation `<name>` to it declared
 * for the schema (foreign key on `<name>_id`, ON DELETE RESTRICT; the code reads the id).
 * `index`: the column has its own index.
 */
export const ReferenceColumn =
  (
    entity: () => ObjectType<unknown>,
    options: { nullable?: boolean; index?: boolean } = {},
  ): PropertyDecorator =>
  (target, key) => {
    const relation = String(key).replace(/Id$/, '');
    if (options.index) Index()(target, key);
    Column({ type: 'integer', nullable: options.nullable })(target, key);
    ManyToOne(entity, { onDelete: 'RESTRICT' })(target, relation);
    JoinColumn({ name: `${relation.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_id` })(
      target,
      relation,
    );
  };

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
