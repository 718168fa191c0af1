import { Injectable } from '@nestjs/common';
import { OPEN_PACT_STATUSES } from '@generattivi/shared';
import { randomInt } from 'node:crypto';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SubjectKeysService } from '../audit/subject-keys.service';
import { toBeneficiaryRecord, type BeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { nowIso } from '../common/clock';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { UnitOfWork } from '../common/unit-of-work';
import { ERASED_NOTE_BODY } from '../database/migrations/retention-sql';
import { Household } from '../households/household.entity';
import { eraseImportFiles } from '../imports/import-files';
import { Pact } from '../pacts/pact.entity';

/** First name of every anonymised person; the last name carries a random pseudonym. */
export const ANONYMOUS_FIRST_NAME = 'Persona';
/** The file name an erased document keeps. */
export const ERASED_FILE_NAME = 'documento cancellato';
/** The name of a household none of whose members is on file any more. */
export const ERASED_HOUSEHOLD_NAME = 'Nucleo anonimizzato';
/** The reason the daily job gives. */
export const RETENTION_REASON = 'Termine di conservazione';

/** Letters and digits that cannot be misread (no 0/O, 1/I). */
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random pseudonym: nothing of the person goes into it. */
function pseudonym(): string {
  return Array.from({ length: 6 }, () => PSEUDONYM_ALPHABET[randomInt(32)]).join('');
}

/**
 * The fiscal code an anonymised person keeps: unique (their id) and never a real code (four
 * letters then digits fail the format every stored code passed), 16 characters like one.
 */
export const placeholderFiscalCode = (id: number): string => `ANON${String(id).padStart(12, '0')}`;

/** Who asks: an administrator (their id), or the retention job (null). */
export interface Anonymisation {
  actorId: number | null;
  reason: string;
}

/**
 * Forgetting a person (GDPR art. 17), in one unit of work: their identity and contacts become
 * a pseudonym, the birth date keeps its year, the diary notes of their pacts (naming them, or
 * their household's) and the documents of them, of the pacts naming them and of those pacts'
 * milestones lose their content; what the reports count stays (pacts, types, statuses,
 * outcomes, territories, sex, employment). The search indexes follow through their triggers.
 * A person with an open pact (naming them, or their household's) is refused.
 */
@Injectable()
export class AnonymisationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly subjectKeys: SubjectKeysService,
  ) {}

  /** `409 BENEFICIARY_ANONYMISED` for a second call: there is nothing left to forget. */
  async anonymise(id: number, request: Anonymisation): Promise<BeneficiaryRecord> {
    return this.uow.run(async (tx) => {
      const person = await this.lockPerson(tx, id);
      if (!person) throw new NotFoundError('beneficiaries', id);
      if (person.anonymisedAt !== null) throw alreadyAnonymised(id);
      return toBeneficiaryRecord(await this.forget(tx, person, request), { role: 'ADMIN' });
    });
  }

  /**
   * The retention job's call: anonymises the person if their term is still over when their
   * row is locked (`due` re-checks it), else does nothing. True when they were anonymised.
   */
  async anonymiseIfDue(id: number, due: (person: Beneficiary) => boolean): Promise<boolean> {
    return this.uow.run(async (tx) => {
      const person = await this.lockPerson(tx, id);
      if (!person || person.anonymisedAt !== null || !due(person)) return false;
      await this.forget(tx, person, { actorId: null, reason: RETENTION_REASON });
      return true;
    });
  }

  /** The person's row, locked until commit on PostgreSQL (SQLite: one writer at a time). */
  private lockPerson(tx: EntityManager, id: number): Promise<Beneficiary | null> {
    const qb = tx.getRepository(Beneficiary).createQueryBuilder('b').where('b.id = :id', { id });
    if (this.uow.isPostgres) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  private async forget(
    tx: EntityManager,
    person: Beneficiary,
    { actorId, reason }: Anonymisation,
  ): Promise<Beneficiary> {
    const id = person.id;
    const status = In([...OPEN_PACT_STATUSES]);
    const open = await tx.find(Pact, {
      select: { id: true, reference: true },
      where: [
        { beneficiaryId: id, status },
        ...(person.householdId !== null ? [{ householdId: person.householdId, status }] : []),
      ],
      order: { id: 'ASC' },
    });
    if (open.length > 0) {
      const references = open.map((p) => p.reference).join(', ');
      throw new ConflictError(
        'ANONYMISE_OPEN_PACTS',
        { references },
        `the person has open pacts (${references}): close them before anonymising`,
      );
    }
    const at = nowIso();
    const fiscalCode = person.fiscalCode;
    await tx.update(Beneficiary, id, {
      firstName: ANONYMOUS_FIRST_NAME,
      lastName: `anonimizzata ${pseudonym()}`,
      fiscalCode: placeholderFiscalCode(id),
      birthDate: `${person.birthDate.slice(0, 4)}-01-01`,
      address: null,
      phone: null,
      email: null,
      anonymisedAt: at,
      updatedAt: at,
      version: person.version + 1,
    });
    // Kept by the pacts' triggers otherwise; no term runs for a person already forgotten.
    await tx.query(`UPDATE "beneficiaries" SET "retention_from" = NULL WHERE "id" = ${id}`);
    const household =
      person.householdId === null ? null : await this.lastMembersHousehold(tx, person);
    await this.eraseNotes(tx, id, household?.id);
    await this.eraseDocuments(tx, id, household?.id, at);
    if (household) await this.forgetHousehold(tx, household, { actorId, reason }, at);
    await this.forgetStoredAnswers(tx, id, fiscalCode);
    // Uploaded spreadsheets may hold the person: finished imports lose their file and report.
    await eraseImportFiles(tx);
    await this.audit.append(tx, {
      actorId,
      action: 'anonymise',
      entityType: 'beneficiaries',
      entityId: id,
      changes: { reason: [null, reason], anonymisedAt: [null, at] },
    });
    // The personal fields of the audit events about the person (and a forgotten household)
    // become unreadable: their key is destroyed in this transaction, before the events above
    // are written (they then hold «dato cancellato»).
    await this.subjectKeys.forget(tx, 'beneficiaries', id);
    if (household) await this.subjectKeys.forget(tx, 'households', household.id);
    return tx.findOneByOrFail(Beneficiary, { id });
  }

  /**
   * The household of `person` when they are its last member on file, its row locked until
   * commit (PostgreSQL), so that of two members anonymised at once the second sees the first;
   * else null: the household stays whole for the members still on file.
   */
  private async lastMembersHousehold(
    tx: EntityManager,
    person: Beneficiary,
  ): Promise<Household | null> {
    const qb = tx
      .getRepository(Household)
      .createQueryBuilder('h')
      .where('h.id = :id', { id: person.householdId });
    if (this.uow.isPostgres) qb.setLock('pessimistic_write');
    const household = await qb.getOne();
    if (!household) return null;
    const onFile = await tx.countBy(Beneficiary, {
      householdId: household.id,
      id: Not(person.id),
      anonymisedAt: IsNull(),
    });
    return onFile === 0 ? household : null;
  }

  /**
   * A household none of whose members is on file any more: its name and the free text of
   * its vulnerability replaced (what the reports count stays: size, ISEE, vulnerable).
   */
  private async forgetHousehold(
    tx: EntityManager,
    household: Household,
    { actorId, reason }: Anonymisation,
    at: string,
  ): Promise<void> {
    await tx.update(Household, household.id, {
      name: ERASED_HOUSEHOLD_NAME,
      vulnerabilityReason: household.vulnerabilityReason === null ? null : ERASED_NOTE_BODY,
      updatedAt: at,
      version: household.version + 1,
    });
    await this.audit.append(tx, {
      actorId,
      action: 'anonymise',
      entityType: 'households',
      entityId: household.id,
      changes: { reason: [null, reason] },
    });
  }

  /** The pacts naming the person, and those of their household when it is forgotten too. */
  private pactsOf(id: number, householdId: number | undefined): string {
    const household = householdId === undefined ? '' : ` OR "household_id" = ${householdId}`;
    return `SELECT "id" FROM "pacts" WHERE "beneficiary_id" = ${id}${household}`;
  }

  /**
   * The diary of those pacts (the database allows a note only this rewrite, and only then),
   * and the notes resolving the person's possible duplicates.
   */
  private async eraseNotes(tx: EntityManager, id: number, householdId?: number): Promise<void> {
    await tx.query(
      `UPDATE "notes" SET "body" = '${ERASED_NOTE_BODY}'
        WHERE "pact_id" IN (${this.pactsOf(id, householdId)})
          AND "body" <> '${ERASED_NOTE_BODY}'`,
    );
    // What the administrator wrote when resolving a possible duplicate of the person.
    await tx.query(
      `UPDATE "possible_duplicates" SET "resolution_note" = '${ERASED_NOTE_BODY}'
        WHERE "beneficiary_id" = ${id} AND "resolution_note" IS NOT NULL`,
    );
  }

  /**
   * The documents of the person (and of a forgotten household), of those pacts and of their
   * milestones: the bytes deleted, the row kept (kind, owner, uploader, time) with a
   * placeholder name.
   */
  private async eraseDocuments(
    tx: EntityManager,
    id: number,
    householdId: number | undefined,
    at: string,
  ): Promise<void> {
    const pacts = this.pactsOf(id, householdId);
    const household =
      householdId === undefined
        ? ''
        : ` OR ("owner_type" = 'households' AND "owner_id" = ${householdId})`;
    const owned = `(("owner_type" = 'beneficiaries' AND "owner_id" = ${id})${household}
      OR ("owner_type" = 'pacts' AND "owner_id" IN (${pacts}))
      OR ("owner_type" = 'milestones' AND "owner_id" IN (SELECT "id" FROM "milestones" WHERE "pact_id" IN (${pacts}))))
      AND "erased_at" IS NULL`;
    await tx.query(
      `DELETE FROM "document_contents" WHERE "document_id" IN (SELECT "id" FROM "documents" WHERE ${owned})`,
    );
    await tx.query(
      `UPDATE "documents" SET "file_name" = '${ERASED_FILE_NAME}', "size_bytes" = 0, "sha256" = '',
              "erased_at" = '${at}', "updated_at" = '${at}'
        WHERE ${owned}`,
    );
  }

  /**
   * Stored answers of `Idempotency-Key` requests (kept 24 hours) that hold the person: their
   * record (by the fiscal code) or a pact naming them.
   */
  private async forgetStoredAnswers(tx: EntityManager, id: number, fiscalCode: string) {
    const p = (i: number) => (this.uow.isPostgres ? `$${i}` : '?');
    await tx.query(
      `DELETE FROM "idempotency_keys"
        WHERE "response_body" LIKE ${p(1)} OR "response_body" LIKE ${p(2)} OR "response_body" LIKE ${p(3)}`,
      [`%${fiscalCode}%`, `%"beneficiaryId":${id},%`, `%"beneficiaryId":${id}}%`],
    );
  }
}

const alreadyAnonymised = (id: number) =>
  new ConflictError('BENEFICIARY_ANONYMISED', {}, `beneficiaries ${id} is already anonymised`);
