import { Injectable, Logger } from '@nestjs/common';
import { ERASED_PERSONAL_DATA } from '@generattivi/shared';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { nowIso } from '../common/clock';
import { yieldToEventLoop } from './audit-chain';
import { AuditEvent } from './audit-event.entity';
import { AuditKeyring } from './audit-keyring';
import { PERSONAL_AUDIT_FIELDS, SubjectType } from './audit-personal-fields';
import { AuditSubjectKey } from './audit-subject-key.entity';

export type { SubjectType } from './audit-personal-fields';

type Changes = Record<string, [unknown, unknown]>;

/** A personal value as stored: `{"$enc": "<subjectType>:<subjectId>:<base64url iv|tag|data>"}`. */
const ENVELOPE = '$enc';

type Subject = { type: SubjectType; id: number };

const subjectId = (s: Subject) => `${s.type}:${s.id}`;

/** Subjects per query reading their keys; keys made per insert (SQLite bounds its parameters). */
const KEY_BATCH = 500;
const KEY_INSERT_BATCH = 100;

const subjectAad = (s: Subject) => Buffer.from(`${s.type}:${s.id}`);

/** AES-256-GCM of `plain` under `key`, bound to `aad`: base64url of IV, tag and data. */
function seal(key: Buffer, plain: Buffer, aad: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

function open(key: Buffer, sealed: string, aad: Buffer): Buffer {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(aad);
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

function envelopeOf(value: unknown): { subject: Subject; data: string } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const text = (value as Record<string, unknown>)[ENVELOPE];
  const m = typeof text === 'string' ? /^(beneficiaries|households):(\d+):(.+)$/.exec(text) : null;
  return m ? { subject: { type: m[1] as SubjectType, id: Number(m[2]) }, data: m[3] } : undefined;
}

/** A value as it was encrypted; the erased marker if its ciphertext was tampered with. */
function decrypt(key: Buffer, env: { subject: Subject; data: string }): unknown {
  try {
    return JSON.parse(open(key, env.data, subjectAad(env.subject)).toString()) as unknown;
  } catch {
    return ERASED_PERSONAL_DATA;
  }
}

/** The events to protect: entity type, id and changes, as AuditService appends them. */
interface Protectable {
  entityType: string;
  entityId: number | null;
  changes?: Changes;
}

/** An event, its personal fields and their subject, before they are encrypted. */
export interface Prepared<E> {
  event: E;
  fields: string[];
  subject?: Subject;
}

/**
 * Per-subject keys of the personal data held in audit events. Each person (or household)
 * gets a random key, stored wrapped under a key derived from AUDIT_KEY; their personal
 * fields (PERSONAL_AUDIT_FIELDS) are encrypted with it before the event is hashed, so the
 * chain covers the ciphertext. `forget` destroys the key: the fields then read as
 * ERASED_PERSONAL_DATA and the chain still verifies.
 */
@Injectable()
export class SubjectKeysService {
  private readonly logger = new Logger(SubjectKeysService.name);

  constructor(
    private readonly keyring: AuditKeyring,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Destroys the subject's key inside the caller's transaction (a row without key is kept,
   * so that events written about the subject afterwards store the erased marker).
   */
  async forget(tx: EntityManager, subjectType: SubjectType, subjectId: number): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(AuditSubjectKey)
      .values({
        subjectType,
        subjectId,
        wrappedKey: null,
        createdAt: nowIso(),
        forgottenAt: nowIso(),
      })
      .orUpdate(['wrapped_key', 'forgotten_at'], ['subject_type', 'subject_id'])
      .execute();
  }

  /** The events with their personal fields encrypted under their subject's key. */
  async protect<E extends Protectable>(tx: EntityManager, events: E[]): Promise<E[]> {
    const prepared: Array<Prepared<E>> = [];
    for (const event of events) prepared.push(await this.prepare(tx, event));
    return this.seal(tx, prepared);
  }

  /**
   * The first half of `protect`: whose personal data the event holds, found when the event
   * is appended (a pact it names may be gone by the end of the transaction).
   */
  async prepare<E extends Protectable>(tx: EntityManager, event: E): Promise<Prepared<E>> {
    const fields = (PERSONAL_AUDIT_FIELDS[event.entityType] ?? []).filter(
      (f) => event.changes?.[f] !== undefined,
    );
    if (!fields.length) return { event, fields };
    return { event, fields, subject: await this.subjectOf(tx, event) };
  }

  /** The second half of `protect`: the personal fields encrypted. */
  async seal<E extends Protectable>(tx: EntityManager, prepared: Array<Prepared<E>>) {
    return this.sealWith(await this.keysOf(tx, prepared), prepared);
  }

  /**
   * The keys of the prepared events' subjects, by subjectId(): read (and the missing ones
   * made) a few hundred per statement, with a turn of the event loop between batches.
   */
  async keysOf(
    tx: EntityManager,
    prepared: ReadonlyArray<Pick<Prepared<Protectable>, 'fields' | 'subject'>>,
  ) {
    const subjects = prepared.flatMap((p) => (p.fields.length && p.subject ? [p.subject] : []));
    return subjects.length ? this.keysFor(tx, subjects) : new Map<string, Buffer>();
  }

  /** The events with their personal fields encrypted under `keys` (from keysOf). */
  sealWith<E extends Protectable>(keys: Map<string, Buffer>, prepared: Array<Prepared<E>>): E[] {
    return prepared.map(({ event, fields, subject }) => {
      if (!fields.length) return event;
      const key = (subject && keys.get(subjectId(subject))) || null;
      const changes = { ...event.changes };
      for (const f of fields) {
        const [before, after] = changes[f];
        changes[f] = [this.encrypt(key, subject, before), this.encrypt(key, subject, after)];
      }
      return { ...event, changes };
    });
  }

  private encrypt(key: Buffer | null, subject: Subject | undefined, value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (!key || !subject) return ERASED_PERSONAL_DATA;
    const data = seal(key, Buffer.from(JSON.stringify(value)), subjectAad(subject));
    return { [ENVELOPE]: `${subject.type}:${subject.id}:${data}` };
  }

  /** Events as readable: personal fields decrypted, or ERASED_PERSONAL_DATA once forgotten. */
  async reveal(events: AuditEvent[], manager: EntityManager = this.dataSource.manager) {
    const parsed = events.map((e) => JSON.parse(e.changes) as Changes);
    const wanted = new Map<string, Subject>();
    for (const changes of parsed) {
      for (const [before, after] of Object.values(changes)) {
        for (const v of [before, after]) {
          const env = envelopeOf(v);
          if (env) wanted.set(`${env.subject.type}:${env.subject.id}`, env.subject);
        }
      }
    }
    const keys = await this.unwrapAll(manager, [...wanted.values()]);
    return events.map((e, i) => {
      const changes: Changes = {};
      for (const [field, pair] of Object.entries(parsed[i])) {
        changes[field] = pair.map((v) => {
          const env = envelopeOf(v);
          if (!env) return v;
          const key = keys.get(`${env.subject.type}:${env.subject.id}`);
          return key ? decrypt(key, env) : ERASED_PERSONAL_DATA;
        }) as [unknown, unknown];
      }
      return { ...e, changes: JSON.stringify(changes) } as AuditEvent;
    });
  }

  private async unwrapAll(manager: EntityManager, subjects: Subject[]) {
    const keys = new Map<string, Buffer>();
    for (const [id, row] of await this.keyRows(manager, subjects)) {
      const subject = { type: row.subjectType as SubjectType, id: row.subjectId };
      const key = row.wrappedKey && this.unwrap(row.wrappedKey, subject);
      if (key) keys.set(id, key);
    }
    return keys;
  }

  /** The stored key rows of `subjects`, by subjectId(), KEY_BATCH subjects per query. */
  private async keyRows(manager: EntityManager, subjects: Subject[]) {
    const rows = new Map<string, AuditSubjectKey>();
    for (const type of ['beneficiaries', 'households'] as const) {
      const ids = [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
      for (let i = 0; i < ids.length; i += KEY_BATCH) {
        if (i > 0) await yieldToEventLoop();
        const found = await manager
          .getRepository(AuditSubjectKey)
          .createQueryBuilder('k')
          .where('k.subjectType = :type AND k.subjectId IN (:...ids)', {
            type,
            ids: ids.slice(i, i + KEY_BATCH),
          })
          .getMany();
        for (const row of found) rows.set(subjectId({ type, id: row.subjectId }), row);
      }
    }
    return rows;
  }

  /** The subject's key; undefined when it was wrapped under another AUDIT_KEY (unreadable). */
  private unwrap(wrapped: string, subject: Subject): Buffer | undefined {
    try {
      return open(this.keyring.wrapKey, wrapped, subjectAad(subject));
    } catch {
      this.logger.warn(
        `the audit key of ${subject.type} ${subject.id} does not open with AUDIT_KEY`,
      );
      return undefined;
    }
  }

  /**
   * The subjects' keys, by subjectId(), made now for those that have none; absent once
   * forgotten (or unreadable).
   */
  private async keysFor(tx: EntityManager, subjects: Subject[]): Promise<Map<string, Buffer>> {
    const rows = await this.keyRows(tx, subjects);
    const missing = [
      ...new Map(
        subjects.filter((s) => !rows.has(subjectId(s))).map((s) => [subjectId(s), s]),
      ).values(),
    ];
    for (let i = 0; i < missing.length; i += KEY_INSERT_BATCH) {
      await tx
        .getRepository(AuditSubjectKey)
        .createQueryBuilder()
        .insert()
        .values(
          missing.slice(i, i + KEY_INSERT_BATCH).map((s) => ({
            subjectType: s.type,
            subjectId: s.id,
            wrappedKey: seal(this.keyring.wrapKey, randomBytes(32), subjectAad(s)),
            createdAt: nowIso(),
            forgottenAt: null,
          })),
        )
        .orIgnore()
        .execute();
      await yieldToEventLoop();
    }
    // Read again: a key another transaction made meanwhile is the one kept.
    if (missing.length) for (const [id, row] of await this.keyRows(tx, missing)) rows.set(id, row);
    const keys = new Map<string, Buffer>();
    for (const [i, s] of subjects.entries()) {
      if (i > 0 && i % KEY_BATCH === 0) await yieldToEventLoop();
      const id = subjectId(s);
      const row = rows.get(id);
      if (keys.has(id) || !row?.wrappedKey) continue;
      const key = this.unwrap(row.wrappedKey, s);
      if (key) keys.set(id, key);
    }
    return keys;
  }

  /** Whose personal data an event holds: the person or household it is about, or its pact's. */
  private async subjectOf(tx: EntityManager, e: Protectable): Promise<Subject | undefined> {
    const value = (field: string): unknown => {
      const pair = e.changes?.[field];
      return pair ? (pair[1] ?? pair[0]) : undefined;
    };
    if (e.entityType === 'beneficiaries' || e.entityType === 'households') {
      return e.entityId === null ? undefined : { type: e.entityType, id: e.entityId };
    }
    if (e.entityType === 'notes') return this.pactSubject(tx, value('pactId'));
    if (e.entityType === 'documents') {
      const ownerType = value('ownerType');
      const ownerId = value('ownerId');
      if (typeof ownerId !== 'number') return undefined;
      if (ownerType === 'beneficiaries' || ownerType === 'households') {
        return { type: ownerType, id: ownerId };
      }
      if (ownerType === 'pacts') return this.pactSubject(tx, ownerId);
      if (ownerType === 'milestones') {
        const [m] = (await tx.query(`SELECT pact_id FROM milestones WHERE id = ${this.p(tx)}`, [
          ownerId,
        ])) as Array<{ pact_id: number }>;
        return this.pactSubject(tx, m ? Number(m.pact_id) : undefined);
      }
    }
    return undefined;
  }

  private p(tx: EntityManager): string {
    return tx.connection.options.type === 'postgres' ? '$1' : '?';
  }

  private async pactSubject(tx: EntityManager, pactId: unknown): Promise<Subject | undefined> {
    if (typeof pactId !== 'number') return undefined;
    const [pact] = (await tx.query(
      `SELECT beneficiary_id, household_id FROM pacts WHERE id = ${this.p(tx)}`,
      [pactId],
    )) as Array<{ beneficiary_id: number | null; household_id: number | null }>;
    if (pact?.beneficiary_id != null)
      return { type: 'beneficiaries', id: Number(pact.beneficiary_id) };
    if (pact?.household_id != null) return { type: 'households', id: Number(pact.household_id) };
    return undefined;
  }
}
