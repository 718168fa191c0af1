import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { UnitOfWork } from '../common/unit-of-work';
import { nowIso } from '../common/clock';
import type { ListResult } from '../common/list-query';
import type { AccessLogEntry, AccessVia, LoggedEntity } from './access-log.entity';

type Entry = Pick<AccessLogEntry, 'at' | 'actorId' | 'entityType' | 'entityId' | 'via'>;

/** Rows per INSERT statement (5 bound values each). */
export const ROWS_PER_INSERT = 100;

/**
 * `INSERT INTO access_log … VALUES (…), (…)` of `rows` rows, in the engine's placeholders:
 * one text per row count, so that the driver keeps it prepared.
 */
const insertTexts = new Map<string, string>();
export function accessLogInsert(rows: number, postgres: boolean): string {
  const key = `${rows}:${postgres}`;
  let text = insertTexts.get(key);
  if (!text) {
    let n = 0;
    const value = () => (postgres ? `$${++n}` : '?');
    const tuples = Array.from(
      { length: rows },
      () => `(${value()}, ${value()}, ${value()}, ${value()}, ${value()})`,
    );
    text = `INSERT INTO access_log (at, actor_id, entity_type, entity_id, via) VALUES ${tuples.join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

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

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.flushing = null;
    await this.uow.run(async (tx) => {
      const postgres = tx.connection.options.type === 'postgres';
      for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
        const rows = batch.slice(i, i + ROWS_PER_INSERT);
        await tx.query(
          accessLogInsert(rows.length, postgres),
          rows.flatMap((e) => [e.at, e.actorId, e.entityType, e.entityId, e.via]),
        );
      }
    });
  }
}
