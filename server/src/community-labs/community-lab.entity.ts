import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedRecord } from '../database/columns';
import { Territory } from '../territories/territory.entity';

/** A laboratorio di comunità, built and accompanied by community makers. */
@Entity('community_labs')
export class CommunityLab extends VersionedRecord {
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

  /** The community makers who run it (user ids). */
  @Column({ type: 'simple-json' })
  communityMakerIds!: number[];
}
