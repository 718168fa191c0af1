import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { UnitOfWork } from '../common/unit-of-work';
import { nowIso } from '../common/clock';
import { AccessLogEntry } from './access-log.entity';

type Entry = Pick<AccessLogEntry, 'at' | 'actorId' | 'entityType' | 'entityId'>;

/**
 * Records who read which record. Reads arriving together are written together (group
 * commit): each read waits until its entry is committed, as before, but concurrent reads
 * share one transaction and one sync to disk instead of paying one each.
 */
@Injectable()
export class AccessLogService {
  private pending: Entry[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly uow: UnitOfWork) {}

  /** Records that the caller read one record; only who, what and when. */
  recordRead(
    caller: Caller,
    entityType: 'beneficiaries' | 'households' | 'pacts',
    entityId: number,
  ): Promise<void> {
    this.pending.push({ at: nowIso(), actorId: caller.id, entityType, entityId });
    if (!this.flushing) {
      this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        this.flush(),
      );
    }
    return this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = null;
    await this.uow.run(async (tx) => {
      for (let i = 0; i < batch.length; i += 500)
        await tx.getRepository(AccessLogEntry).insert(batch.slice(i, i + 500));
    });
  }
}
