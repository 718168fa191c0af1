import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { constraintViolation } from '../common/constraint-violation';
import { SweptTable } from '../common/swept-table';
import { UnitOfWork } from '../common/unit-of-work';
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  KEY_LIFETIME_MS,
  RESERVATION_MS,
} from './idempotency';

/** Rows deleted per sweep statement, so a sweep never holds the database for long. */
export const SWEEP_BATCH = 500;

/** A key this request holds: it does the work, then stores the answer or releases the key. */
export interface Reservation {
  kind: 'reserved';
  id: number;
  lease: string;
  createdAt: number;
}

/** The stored first answer of a key, to be given again. */
export interface Replay {
  kind: 'replay';
  status: number;
  body: unknown;
}

interface KeyRow {
  fingerprint: string;
  status: number | string | null;
  response_body: string | null;
}

/**
 * The idempotency keys, kept in the database so that every server instance sees the same
 * ones (both engines). A key is reserved by one atomic upsert before the work: of two
 * requests with the same key, on one instance or two, exactly one gets the reservation; the
 * other finds the key reserved (409 IDEMPOTENCY_IN_PROGRESS) or answered (the answer again).
 */
@Injectable()
export class IdempotencyStore extends SweptTable {
  constructor(uow: UnitOfWork) {
    super(uow, 'idempotency key');
  }

  /**
   * Reserves `key` of `userId` for a request of `fingerprint`, or answers from what is there:
   * the stored answer of the same request (Replay), 422 for a different request, 409 while
   * the first request is still being answered. A key past its `expiresAt` (an answer older
   * than 24 hours, a reservation whose process died) counts as absent and is taken over.
   */
  async reserve(
    userId: number,
    key: string,
    fingerprint: string,
    now = Date.now(),
  ): Promise<Reservation | Replay> {
    const p = (i: number) => this.p(i);
    const lease = randomUUID();
    try {
      return await this.uow.run(async (tx) => {
        const taken = await this.q<{ id: number | string }>(
          tx,
          `INSERT INTO idempotency_keys (user_id, "key", fingerprint, lease, status, response_body, created_at, expires_at)
           VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, NULL, NULL, ${p(5)}, ${p(6)})
           ON CONFLICT (user_id, "key") DO UPDATE SET
             fingerprint = excluded.fingerprint, lease = excluded.lease, status = NULL,
             response_body = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at
           WHERE idempotency_keys.expires_at <= ${p(7)}
           RETURNING id`,
          [userId, key, fingerprint, lease, now, now + RESERVATION_MS, now],
        );
        const [row] = taken.records;
        if (row) return { kind: 'reserved', id: Number(row.id), lease, createdAt: now };
        const [held] = (
          await this.q<KeyRow>(
            tx,
            `SELECT fingerprint, status, response_body FROM idempotency_keys
             WHERE user_id = ${p(1)} AND "key" = ${p(2)}`,
            [userId, key],
          )
        ).records;
        // Gone between the two statements (swept, released): the client tries again.
        if (!held) throw new IdempotencyInProgressError();
        if (held.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
        if (held.status === null) throw new IdempotencyInProgressError();
        return {
          kind: 'replay',
          status: Number(held.status),
          body:
            held.response_body === null ? undefined : (JSON.parse(held.response_body) as unknown),
        };
      });
    } catch (e) {
      // The upsert never violates the unique index; were another statement to, the key is
      // being taken by another request all the same.
      if (constraintViolation(e) === 'unique') throw new IdempotencyInProgressError();
      throw e;
    }
  }

  /** Stores the answer of the reservation, kept 24 hours from its creation. */
  async complete(reservation: Reservation, status: number, body: unknown): Promise<void> {
    const p = (i: number) => this.p(i);
    const text = body === undefined ? null : JSON.stringify(body);
    try {
      await this.uow.run((tx) =>
        this.q(
          tx,
          `UPDATE idempotency_keys SET status = ${p(1)}, response_body = ${p(2)}, expires_at = ${p(3)}
           WHERE id = ${p(4)} AND lease = ${p(5)}`,
          [
            status,
            text,
            reservation.createdAt + KEY_LIFETIME_MS,
            reservation.id,
            reservation.lease,
          ],
        ),
      );
    } catch (e) {
      // The work is done and answered; without its answer the key frees itself when the
      // reservation expires.
      this.logger.warn(
        `idempotency key ${reservation.id}: answer not stored: ${e instanceof Error ? e.message : e}`,
      );
    }
  }

  /** Frees the key of a request that failed, so that a corrected request may use it. */
  async release(reservation: Reservation): Promise<void> {
    const p = (i: number) => this.p(i);
    try {
      await this.uow.run((tx) =>
        this.q(tx, `DELETE FROM idempotency_keys WHERE id = ${p(1)} AND lease = ${p(2)}`, [
          reservation.id,
          reservation.lease,
        ]),
      );
    } catch (e) {
      this.logger.warn(
        `idempotency key ${reservation.id}: not released: ${e instanceof Error ? e.message : e}`,
      );
    }
  }

  /**
   * Deletes expired keys, `SWEEP_BATCH` rows per statement and transaction, at most
   * `maxBatches` batches, through the index on `expires_at`. Returns the rows deleted.
   */
  async sweep(now = Date.now(), maxBatches = 20): Promise<number> {
    const skipLocked = this.uow.isPostgres ? ' FOR UPDATE SKIP LOCKED' : '';
    let deleted = 0;
    for (let i = 0; i < maxBatches; i++) {
      const { affected = 0 } = await this.uow.run((tx) =>
        this.q(
          tx,
          `DELETE FROM idempotency_keys WHERE id IN (
             SELECT id FROM idempotency_keys WHERE expires_at <= ${this.p(1)} LIMIT ${SWEEP_BATCH}${skipLocked})`,
          [now],
        ),
      );
      deleted += affected;
      if (affected < SWEEP_BATCH) break;
    }
    return deleted;
  }
}
