import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { DatabaseBusyError } from '../common/database-busy';
import { UnitOfWork } from '../common/unit-of-work';
import { AccessLogSpill, QUICK_LOCK } from './access-log-spill';
import { nowIso } from '../common/clock';
import type { ListResult } from '../common/list-query';
import type { AccessVia, LoggedEntity } from './access-log.entity';
import { ACCESS_LOG_ROWS, accessLogRows, type Entry } from './access-log-insert';

/**
 * Records who read which record. Reads arriving together are written together (group
 * commit): each read waits until its entry is committed, as before, but concurrent reads
 * share one transaction and one sync to disk instead of paying one each.
 *
 * On SQLite in a file a read does not wait for another connection's write lock (an import's
 * commit, here or in another instance): when this process's long unit holds it, when a unit
 * here already waits for it, or when it stays taken past QUICK_LOCK, the entries are committed
 * to the spill file instead (AccessLogSpill), which the mover brings into the log once.
 */
@Injectable()
export class AccessLogService {
  private pending: Entry[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly spill: AccessLogSpill,
  ) {}

  /** Records that the caller read one record; only who, what, when and how. */
  recordRead(
    caller: Caller,
    entityType: LoggedEntity,
    entityId: number,
    via: AccessVia = 'one',
  ): Promise<void> {
    return this.recordReads(caller, entityType, [entityId], via);
  }

  /** Records that the caller received these records in one answer (a page, a search). */
  recordReads(
    caller: Caller,
    entityType: LoggedEntity,
    entityIds: readonly number[],
    via: AccessVia,
  ): Promise<void> {
    if (entityIds.length === 0) return Promise.resolve();
    const at = nowIso();
    for (const entityId of new Set(entityIds)) {
      this.pending.push({ at, actorId: caller.id, entityType, entityId, via });
    }
    if (!this.flushing) {
      this.flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
        this.flush(),
      );
    }
    return this.flushing;
  }

  /** The page of a list, once each record on it is written to the access log (`via` list). */
  async listed<T extends { id: number }>(
    caller: Caller,
    entityType: LoggedEntity,
    page: Promise<ListResult<T>>,
  ): Promise<ListResult<T>> {
    const result = await page;
    await this.recordReads(
      caller,
      entityType,
      result.rows.map((row) => row.id),
      'list',
    );
    return result;
  }

  /**
   * Before the log is read: the spilled entries moved into it, when the write lock is free at
   * once (else they show once the import that holds it is over).
   */
  caughtUp(): Promise<void> {
    return this.spill.moveQuietly();
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = null;
    const rows = accessLogRows(batch);
    if (!this.spill.path) return this.uow.insertRows(ACCESS_LOG_ROWS, rows);
    if (this.uow.sideHoldsLock || this.uow.waitingForLock) return this.spill.append(batch);
    try {
      await this.uow.insertRows(ACCESS_LOG_ROWS, rows, QUICK_LOCK);
    } catch (e) {
      // Rolled back: written nowhere yet.
      if (!(e instanceof DatabaseBusyError)) throw e;
      this.spill.append(batch);
    }
  }
}
