import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far the access log's spill file (access-log-spill.ts) was moved into `access_log`: the
 * last spilled entry moved, per spill file (its generation, made when the file was created).
 * Moved in the same transaction as the entries, so that each is moved exactly once.
 */
@Entity('access_log_spill_mark')
export class AccessLogSpillMark {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  generation!: string;

  @Column({ type: 'integer' })
  mark!: number;
}
