import { Column, Entity, Unique } from 'typeorm';
import { BaseRecord, ReferenceColumn } from '../database/columns';
import { User } from '../users/user.entity';

/**
 * A list's filter and sort saved by a person under a name, to apply again (on any device).
 * One name per person and list: the database refuses a second one.
 */
@Entity('saved_filters')
@Unique('UQ_saved_filters_user_resource_name', ['userId', 'resource', 'name'])
export class SavedFilter extends BaseRecord {
  @ReferenceColumn(() => User)
  userId!: number;

  /** The list: a collection name (`pacts`, `beneficiaries`, …). */
  @Column({ type: 'varchar', length: 40 })
  resource!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** The list's filter, as JSON. */
  @Column({ type: 'text' })
  filter!: string;

  @Column({ type: 'varchar', length: 60, nullable: true })
  sortField!: string | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  sortOrder!: 'ASC' | 'DESC' | null;
}
