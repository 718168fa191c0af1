import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { nowIso } from '../common/clock';
import { transientFailure } from '../common/constraint-violation';
import { AppConfig, CONFIG } from '../config/config';
import { AuditEvent } from './audit-event.entity';
import { eventHash, GENESIS_HASH, keyedEventHash } from './audit-hash';
import { deriveAuditKey, hmacHex } from './audit-keys';
import { AuditSeal } from './audit-seal.entity';

/** Any number, the same everywhere: the PostgreSQL advisory lock that orders the chain. */
const CHAIN_LOCK = 74_060_001;
/** Runs of the first-start seal that may meet a write of another instance, and their pause. */
const SEAL_ATTEMPTS = 8;
const SEAL_PAUSE_MS = 50;

/** Takes the chain's lock until `tx` ends (PostgreSQL; SQLite has one writer anyway). */
export async function lockChain(tx: EntityManager): Promise<void> {
  if (tx.connection.options.type === 'postgres') {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  }
}

/** Computes the hash an event of the chain must carry. */
export type ChainHasher = (prevHash: string, e: AuditEvent) => string;

/**
 * The keys derived from AUDIT_KEY and the seal of the chain.
 *
 * Upgrading a database whose chain was hashed with plain SHA-256: rather than rewriting every
 * stored hash (a long, write-everything start on a large trail, on append-only tables), the
 * chain is sealed once: the first writer under the new code (or the start-up, under the
 * chain lock) records the current head as the last unkeyed event, with an HMAC of that
 * boundary. Events after it are HMAC-SHA256 under the chain key; verify checks the seal's
 * HMAC, the unkeyed past up to it and the keyed chain after it. An attacker writing unkeyed
 * (or wrongly keyed) hashes after the seal, moving the boundary or replacing the sealed head
 * cannot make the matching HMAC without the key, so verify says invalid.
 */
@Injectable()
export class AuditKeyring implements OnModuleInit {
  readonly chainKey: Buffer;
  readonly anchorKey: Buffer;
  readonly wrapKey: Buffer;
  readonly loginKey: Buffer;
  private sealed: AuditSeal | undefined;

  constructor(
    @Inject(CONFIG) config: Pick<AppConfig, 'auditKey'>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.chainKey = deriveAuditKey(config.auditKey, 'chain');
    this.anchorKey = deriveAuditKey(config.auditKey, 'anchor');
    this.wrapKey = deriveAuditKey(config.auditKey, 'subject-keys');
    this.loginKey = deriveAuditKey(config.auditKey, 'login-pseudonym');
  }

  /**
   * Seals an upgraded database's unkeyed chain at start, before any request, or makes the seal
   * at the first start. On SQLite the transaction begins deferred: when another
   * instance starting beside this one writes between its read and its insert, the insert fails
   * at once with SQLITE_BUSY (the snapshot it read is stale), whatever the busy timeout; it is
   * then run again, and finds the seal the other made or makes it.
   */
  async onModuleInit(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (tx) => {
          await lockChain(tx);
          await this.seal(tx);
        });
        return;
      } catch (e) {
        if (!transientFailure(e) || attempt >= SEAL_ATTEMPTS) throw e;
        await sleep(SEAL_PAUSE_MS * attempt * (0.5 + Math.random()));
      }
    }
  }

  /** A keyed pseudonym of a typed login (never its plain hash). */
  loginPseudonym(email: string): string {
    return hmacHex(this.loginKey, email);
  }

  private sealMac(legacyUpTo: number, legacyHash: string): string {
    return hmacHex(this.chainKey, `seal\n${legacyUpTo}\n${legacyHash}`);
  }

  /** The seal, made now at the head when there is none (`tx` holds the chain lock). */
  async seal(tx: EntityManager): Promise<AuditSeal> {
    if (this.sealed) return this.sealed;
    const seals = tx.getRepository(AuditSeal);
    let seal = await seals.findOneBy({ id: 1 });
    if (!seal) {
      const [head] = await tx.getRepository(AuditEvent).find({
        select: { id: true, hash: true },
        order: { id: 'DESC' },
        take: 1,
      });
      const legacyUpTo = head?.id ?? 0;
      const legacyHash = head?.hash ?? GENESIS_HASH;
      await seals
        .createQueryBuilder()
        .insert()
        .values({
          id: 1,
          legacyUpTo,
          legacyHash,
          mac: this.sealMac(legacyUpTo, legacyHash),
          at: nowIso(),
        })
        .orIgnore()
        .execute();
      seal = await seals.findOneByOrFail({ id: 1 });
    }
    this.sealed = seal;
    return seal;
  }

  /**
   * How to check the chain as stored: the hasher of the sealed chain, or why it cannot be
   * trusted (a seal missing while events exist, or not made with this key).
   */
  async hasher(): Promise<
    { hash: ChainHasher; seal?: AuditSeal } | { problem: 'SEAL_MISSING' | 'SEAL_ALTERED' }
  > {
    const seal = await this.dataSource.getRepository(AuditSeal).findOneBy({ id: 1 });
    if (!seal) {
      const any = await this.dataSource
        .getRepository(AuditEvent)
        .find({ select: { id: true }, take: 1 });
      if (any.length) return { problem: 'SEAL_MISSING' };
      return { hash: (prev, e) => keyedEventHash(this.chainKey, prev, e) };
    }
    if (seal.mac !== this.sealMac(seal.legacyUpTo, seal.legacyHash)) {
      return { problem: 'SEAL_ALTERED' };
    }
    return {
      seal,
      hash: (prev, e) => {
        if (e.id > seal.legacyUpTo) return keyedEventHash(this.chainKey, prev, e);
        const plain = eventHash(prev, e);
        // The sealed head must be the one the seal's HMAC covers.
        return e.id === seal.legacyUpTo && plain !== seal.legacyHash ? '' : plain;
      },
    };
  }
}
