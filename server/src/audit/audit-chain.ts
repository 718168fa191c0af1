import { MoreThan, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import type { ChainHasher } from './audit-keyring';

/** Events hashed per chunk: a few milliseconds of work between two turns of the event loop. */
export const CHAIN_CHUNK = 100;

/** Lets other requests run: better-sqlite3 answers synchronously, so awaiting it never does. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setImmediate(resolve));

/** Where a check of the chain starts: after event `afterId`, whose hash is `prevHash`. */
export interface ChainPosition {
  afterId: number;
  prevHash: string;
  /** Events of the chain up to and including `afterId`. */
  checked: number;
}

export interface ChainCheck {
  valid: boolean;
  /** Events confirmed, from genesis, before the first that does not fit (or all of them). */
  checked: number;
  firstInvalidId?: number;
  /** The last event confirmed. */
  last?: Pick<AuditEvent, 'id' | 'hash' | 'at'>;
}

/**
 * Recomputes the chain after `start`, in id order, in chunks that each end with a turn of
 * the event loop. `onChunk` sees the position after every chunk and may stop the check by
 * returning false (the result then covers what was checked).
 */
export async function checkChain(
  repo: Repository<AuditEvent>,
  start: ChainPosition,
  hash: ChainHasher,
  options: {
    chunk?: number;
    onChunk?: (at: ChainPosition) => Promise<boolean | void> | boolean | void;
  } = {},
): Promise<ChainCheck> {
  const chunk = options.chunk ?? CHAIN_CHUNK;
  let { afterId, prevHash, checked } = start;
  let last: ChainCheck['last'];
  for (;;) {
    await yieldToEventLoop();
    const batch = await repo.find({
      where: { id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: chunk,
    });
    if (batch.length === 0) break;
    for (const e of batch) {
      if (e.prevHash !== prevHash || hash(e.prevHash, e) !== e.hash) {
        return { valid: false, checked, firstInvalidId: e.id, ...(last ? { last } : {}) };
      }
      prevHash = e.hash;
      afterId = e.id;
      checked += 1;
      last = { id: e.id, hash: e.hash, at: e.at };
    }
    if ((await options.onChunk?.({ afterId, prevHash, checked })) === false) break;
  }
  return { valid: true, checked, ...(last ? { last } : {}) };
}
