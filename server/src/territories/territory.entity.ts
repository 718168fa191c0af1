import { Column, Entity } from 'typeorm';
import type { TerritoryCode } from '@generattivi/shared';
import { VersionedRecord } from '../database/columns';

/** An ambito: CREMA, CREMONA or CASALMAGGIORE, with its municipalities. */
@Entity('territories')
export class Territory extends VersionedRecord {
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: TerritoryCode;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'simple-json' })
  municipalities!: string[];
}
