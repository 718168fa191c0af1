import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedRecord } from '../database/columns';
import { Territory } from '../territories/territory.entity';

/** A Civic Center: after-school, cultural and social activities; where needs are voiced. */
@Entity('civic_centers')
export class CivicCenter extends VersionedRecord {
  @Column({ type: 'varchar', length: 160 })
  name!: string;

  @Index()
  @Column({ type: 'integer' })
  territoryId!: number;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory?: Territory;

  @Column({ type: 'varchar', length: 120, nullable: true })
  municipality!: string | null;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'integer', default: 0 })
  childrenReached!: number;

  @Column({ type: 'integer', default: 0 })
  adultsReached!: number;
}
