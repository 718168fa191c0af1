import { Column } from 'typeorm';
import { ReferenceColumn, VersionedRecord } from '../database/columns';
import { Territory } from './territory.entity';

/** A place people go to in a territory (a Civic Center, a community laboratory). */
export abstract class VenueRecord extends VersionedRecord {
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @ReferenceColumn(() => Territory, { index: true })
  territoryId!: number;

  @Column({ type: 'varchar', length: 120, nullable: true })
  municipality!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;
}
