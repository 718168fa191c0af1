import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  EMPLOYMENT_STATUSES,
  normalizeFiscalCode,
  SEXES,
  type PossibleDuplicate as PossibleDuplicateRecord,
  type Role,
} from '@generattivi/shared';
import { EntityManager, Repository } from 'typeorm';
import { assertNoDocuments } from '../documents/owner-documents';
import { AccessLogEntry } from '../access-log/access-log.entity';
import { ACCESS_LOG_LIST } from '../access-log/access-log.list';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { findInScope, listInScope, listPage, lookupInScope, noSuchRecord } from '../auth/scope';
import { ConflictError, FieldsError, NotFoundError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import {
  defineListSpec,
  ListResult,
  ListSpec,
  ListQueryError,
  RawListParams,
  refuseMaskedFilters,
  takeFilters,
} from '../common/list-query';
import { forgetPrefetched, PREFETCHED, recallPrefetched } from '../common/prefetched';
import { UnitOfWork } from '../common/unit-of-work';
import { assertNoReadOnlyOnCreate, updateRecord } from '../common/versioned-update';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { resolvePlace } from '../territories/territory-place';
import { Pact } from '../pacts/pact.entity';
import {
  BeneficiaryRecord,
  toBeneficiaryRecord,
  toFullBeneficiaryRecord,
} from './beneficiary.record';
import { Beneficiary } from './beneficiary.entity';
import { PossibleDuplicate } from './possible-duplicate.entity';
import { nowIso } from '../common/clock';
import { constraintViolation } from '../common/constraint-violation';
import {
  BENEFICIARY_READ_ONLY,
  CreateBeneficiaryDto,
  UpdateBeneficiaryDto,
} from './dto/beneficiary.dto';
import { fieldError } from '../common/error-body';

export const BENEFICIARY_LIST = defineListSpec({
  resource: 'beneficiaries',
  alias: 'b',
  fields: columns(
    [
      'id:int firstName:string lastName:string fiscalCode:string birthDate:date',
      'sex:enum territoryId:int municipality:string employmentStatus:enum',
      'householdId:int createdAt:instant updatedAt:instant',
    ],
    {
      sex: { values: SEXES },
      employmentStatus: { values: EMPLOYMENT_STATUSES },
    },
  ),
  search: ['firstName', 'lastName', 'fiscalCode'],
  searchIndex: 'beneficiaries',
  defaultSort: ['lastName', 'ASC'],
});

type BeneficiaryField = keyof typeof BENEFICIARY_LIST.fields;

/** What each role reads masked or not at all: fiscal code and birth date; names for managers. */
const HIDDEN_FIELDS: Partial<Record<Role, readonly BeneficiaryField[]>> = {
  MANAGER: ['fiscalCode', 'birthDate', 'firstName', 'lastName'],
  COMMUNITY_MAKER: ['fiscalCode', 'birthDate'],
};

/**
 * The list as `hidden` leaves it: those fields can be neither filtered, searched nor (the
 * fiscal code) sorted on — any of those would reveal what the reader does not see.
 */
function hidingFields(hidden: readonly BeneficiaryField[]): ListSpec {
  const fields = { ...BENEFICIARY_LIST.fields };
  for (const name of hidden)
    fields[name] = { ...fields[name], filter: false, sort: name !== 'fiscalCode' };
  const search = (BENEFICIARY_LIST.search ?? []).filter(
    (column) => !(hidden as readonly string[]).includes(column),
  );
  return defineListSpec({ ...BENEFICIARY_LIST, fields, search });
}

const SPEC_BY_ROLE: Partial<Record<Role, ListSpec>> = Object.fromEntries(
  Object.entries(HIDDEN_FIELDS).map(([role, hidden]) => [role, hidingFields(hidden)]),
);

/**
 * The list's spec for the caller; filtering (or, with no column left to search, searching) by
 * what the caller sees masked is a 400 naming the fields.
 */
export function beneficiaryListSpec(caller: Caller, raw: RawListParams): ListSpec {
  const spec = SPEC_BY_ROLE[caller.role];
  const hidden = HIDDEN_FIELDS[caller.role];
  if (!spec || !hidden) return BENEFICIARY_LIST;
  const keys = hidden.flatMap((f) => [f, `${f}_gte`, `${f}_lte`]);
  if (!spec.search?.length) keys.push('q');
  refuseMaskedFilters(raw, keys);
  return spec;
}

/** `GET /beneficiaries/possible-duplicates`: fiscal codes entered out of scope, newest first. */
export const POSSIBLE_DUPLICATE_LIST = defineListSpec({
  resource: 'possible-duplicates',
  alias: 'd',
  fields: columns([
    'id:int at:instant beneficiaryId:int reportedById:int territoryId:int',
    'resolvedAt:instant resolvedById:int',
  ]),
  defaultSort: ['at', 'DESC'],
});

export const toPossibleDuplicateRecord = (d: PossibleDuplicate): PossibleDuplicateRecord => ({
  id: d.id,
  at: d.at,
  beneficiaryId: d.beneficiaryId,
  reportedById: d.reportedById,
  territoryId: d.territoryId,
  resolved: d.resolvedAt !== null,
  resolvedAt: d.resolvedAt,
  resolvedById: d.resolvedById,
  resolutionNote: d.resolutionNote,
});

/** Optional text: undefined keeps what is stored, blank clears it. */
function optionalText(value: string | null | undefined, current: string | null = null) {
  return value === undefined ? current : value?.trim() || null;
}

const duplicateFiscalCode = (code: string) =>
  new ConflictError(
    'DUPLICATE_FISCAL_CODE',
    { fiscalCode: code },
    `fiscalCode: another beneficiary already has the fiscal code ${code}`,
  );

/**
 * The fiscal code is held by a person the caller does not see: the transaction is undone, then
 * the attempt is reported to ADMIN and the caller told as little as `FISCAL_CODE_UNAVAILABLE`.
 */
class HeldOutOfScope extends Error {
  constructor(readonly beneficiaryId: number) {
    super('fiscal code held out of scope');
  }
}

const fiscalCodeUnavailable = () =>
  new ConflictError(
    'FISCAL_CODE_UNAVAILABLE',
    {},
    'fiscalCode: this fiscal code cannot be registered; the administrator has been told',
  );

/**
 * People pacts are about. Scoped by the caller (auth/scope.ts) on every read; each single read
 * is written to the access log. ADMIN and the social workers of the territory write; managers
 * read with masked fiscal codes and no contact details; community makers read the
 * beneficiaries of their pacts.
 */
@Injectable()
export class BeneficiariesService {
  constructor(
    @InjectRepository(Beneficiary) private readonly beneficiaries: Repository<Beneficiary>,
    @InjectRepository(AccessLogEntry) private readonly accessLogEntries: Repository<AccessLogEntry>,
    @InjectRepository(PossibleDuplicate) private readonly duplicates: Repository<PossibleDuplicate>,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
  ) {}

  /** A page of the list; each person on it is written to the access log. */
  list(caller: Caller, raw: RawListParams): Promise<ListResult<Beneficiary>> {
    const spec = beneficiaryListSpec(caller, raw);
    const reader = { caller, kind: 'beneficiaries' } as const;
    return this.accessLog.listed(
      caller,
      'beneficiaries',
      listInScope(this.beneficiaries, spec, reader, raw),
    );
  }

  /** A beneficiary the caller may see, else 404. */
  findVisible(caller: Caller, id: number, tx?: EntityManager): Promise<Beneficiary> {
    const reader = { caller, kind: 'beneficiaries' } as const;
    return findInScope(this.beneficiaries, BENEFICIARY_LIST, reader, id, { tx });
  }

  /** One record, and the read in the access log. */
  async read(caller: Caller, id: number): Promise<BeneficiaryRecord> {
    const found = await this.findVisible(caller, id);
    await this.accessLog.recordRead(caller, 'beneficiaries', id);
    return toBeneficiaryRecord(found, caller);
  }

  create(caller: Caller, body: CreateBeneficiaryDto): Promise<BeneficiaryRecord> {
    assertNoReadOnlyOnCreate(body, [...BENEFICIARY_READ_ONLY, 'version']);
    return this.withConflicts(caller, body, (tx) => this.createIn(tx, caller, body));
  }

  /** The create inside the caller's transaction (an import writes many in one). */
  async createIn(
    tx: EntityManager,
    caller: Caller,
    body: CreateBeneficiaryDto,
  ): Promise<BeneficiaryRecord> {
    const [created] = await this.insertCheckedIn(tx, caller, [
      await this.checkedCreate(tx, caller, body),
    ]);
    return created;
  }

  /**
   * The checks of a create (place, household, fiscal code free) and the person to insert: an
   * import checks each new person of a chunk of rows so, then inserts them all at once.
   */
  async checkedCreate(
    tx: EntityManager,
    caller: Caller,
    body: CreateBeneficiaryDto,
  ): Promise<Beneficiary> {
    const fields = await this.checkedFields(tx, caller, body);
    await this.assertFiscalCodeFree(tx, caller, fields.fiscalCode);
    return tx.create(Beneficiary, { ...fields, anonymisedAt: null });
  }

  /**
   * People checked by `checkedCreate` (distinct fiscal codes) inserted in one statement, each
   * audited as created.
   */
  async insertCheckedIn(
    tx: EntityManager,
    caller: Caller,
    people: Beneficiary[],
  ): Promise<BeneficiaryRecord[]> {
    if (!people.length) return [];
    await tx.insert(Beneficiary, people);
    for (const saved of people) {
      forgetPrefetched(tx, PREFETCHED.beneficiaryByFiscalCode, saved.fiscalCode);
      await this.audit.created(
        tx,
        caller.id,
        'beneficiaries',
        saved.id,
        toFullBeneficiaryRecord(saved),
      );
    }
    return people.map((saved) => toBeneficiaryRecord(saved, caller));
  }

  update(caller: Caller, id: number, body: UpdateBeneficiaryDto): Promise<BeneficiaryRecord> {
    return this.withConflicts(caller, body, (tx) => this.updateIn(tx, caller, id, body));
  }

  /** The update inside the caller's transaction (an import writes many in one). */
  async updateIn(
    tx: EntityManager,
    caller: Caller,
    id: number,
    body: UpdateBeneficiaryDto,
  ): Promise<BeneficiaryRecord> {
    const current = await this.findVisible(caller, id, tx);
    if (current.anonymisedAt !== null) {
      throw new ConflictError(
        'BENEFICIARY_ANONYMISED',
        {},
        `beneficiaries ${id} was anonymised and is no longer edited`,
      );
    }
    const target = {
      entity: Beneficiary,
      resource: 'beneficiaries',
      toRecord: (b: Beneficiary) => toBeneficiaryRecord(b, caller),
      readOnly: BENEFICIARY_READ_ONLY,
      toAudited: toFullBeneficiaryRecord,
    } as const;
    const writer = { tx, audit: this.audit, actorId: caller.id };
    return updateRecord(writer, target, current, body, async () => {
      const fields = await this.checkedFields(tx, caller, body, current);
      if (fields.fiscalCode !== current.fiscalCode) {
        await this.assertFiscalCodeFree(tx, caller, fields.fiscalCode);
        forgetPrefetched(tx, PREFETCHED.beneficiaryByFiscalCode, current.fiscalCode);
        forgetPrefetched(tx, PREFETCHED.beneficiaryByFiscalCode, fields.fiscalCode);
      }
      return fields;
    });
  }

  /**
   * Only a person no pact names; the audit event keeps what was deleted, and the reports of
   * their code entered out of scope go with them.
   */
  async remove(caller: Caller, id: number): Promise<BeneficiaryRecord> {
    return this.withConflicts(caller, undefined, async (tx) => {
      const current = await this.findVisible(caller, id, tx);
      const pacts = await tx.countBy(Pact, { beneficiaryId: id });
      if (pacts > 0) {
        throw new ConflictError(
          'REFERENCED',
          { resource: 'beneficiaries', id, count: pacts },
          `beneficiaries ${id} is named by ${pacts} pact${pacts === 1 ? '' : 's'} and cannot be deleted`,
        );
      }
      await assertNoDocuments(tx, 'beneficiaries', [id]);
      // Reports of their fiscal code entered elsewhere have nothing left to resolve.
      await tx.delete(PossibleDuplicate, { beneficiaryId: id });
      await tx.delete(Beneficiary, { id });
      await this.audit.deleted(
        tx,
        caller.id,
        'beneficiaries',
        id,
        toFullBeneficiaryRecord(current),
      );
      return toBeneficiaryRecord(current, caller);
    });
  }

  /** Reads of the person, of their household and of their pacts (ADMIN: GDPR art. 15). */
  async accessLogOf(caller: Caller, id: number, raw: RawListParams) {
    const person = await this.findVisible(caller, id);
    await this.accessLog.caughtUp();
    const reads = [
      '(l.entityType = :beneficiaries AND l.entityId = :id)',
      '(l.entityType = :pacts AND l.entityId IN (SELECT sp.id FROM pacts sp WHERE sp.beneficiary_id = :id))',
    ];
    if (person.householdId !== null) {
      reads.push('(l.entityType = :households AND l.entityId = :householdId)');
    }
    const qb = this.accessLogEntries.createQueryBuilder('l').where(`(${reads.join(' OR ')})`, {
      id,
      householdId: person.householdId,
      beneficiaries: 'beneficiaries',
      households: 'households',
      pacts: 'pacts',
    });
    return listPage(qb, ACCESS_LOG_LIST, raw);
  }

  /** Checks place, household and normalises text; `current` fills what a PUT leaves out. */
  private async checkedFields(
    tx: EntityManager,
    caller: Caller,
    body: CreateBeneficiaryDto | UpdateBeneficiaryDto,
    current?: Beneficiary,
  ) {
    const place = await resolvePlace(tx, caller, body.territoryId, body.municipality);
    const householdId =
      body.householdId === undefined ? (current?.householdId ?? null) : body.householdId;
    if (householdId !== null) {
      await this.assertHousehold(tx, caller, householdId, place.territory.id);
    }
    return {
      firstName: body.firstName.trim(),
      lastName: body.lastName.trim(),
      fiscalCode: normalizeFiscalCode(body.fiscalCode),
      birthDate: body.birthDate,
      sex: body.sex,
      territoryId: place.territory.id,
      municipality: place.municipality ?? body.municipality.trim(),
      address: optionalText(body.address, current?.address),
      phone: optionalText(body.phone, current?.phone),
      email: optionalText(body.email, current?.email)?.toLowerCase() ?? null,
      employmentStatus: body.employmentStatus,
      householdId,
    };
  }

  /**
   * The household exists, the caller sees it and it lies in the same territory. On PostgreSQL
   * its row is share-locked until commit, so it cannot move territory or vanish meanwhile.
   */
  private async assertHousehold(
    tx: EntityManager,
    caller: Caller,
    householdId: number,
    territoryId: number,
  ): Promise<void> {
    const household = await lookupInScope(
      tx.getRepository(Household),
      HOUSEHOLD_LIST,
      { caller, kind: 'households' },
      householdId,
      { tx, lock: 'pessimistic_read' },
    );
    if (!household)
      throw new FieldsError({ householdId: noSuchRecord('households', householdId, 'household') });
    if (household.territoryId !== territoryId) {
      throw new FieldsError({
        householdId: fieldError(
          'HOUSEHOLD_OTHER_TERRITORY',
          { id: householdId },
          `household ${householdId} belongs to another territory than the beneficiary`,
        ),
      });
    }
  }

  /**
   * Nobody holds the code; else a 409 that names it when the caller sees its holder, and
   * HeldOutOfScope (turned into a report and a 409 naming nothing) when they do not.
   */
  private async assertFiscalCodeFree(
    tx: EntityManager,
    caller: Caller,
    fiscalCode: string,
  ): Promise<void> {
    const known = recallPrefetched<Beneficiary | null>(
      tx,
      PREFETCHED.beneficiaryByFiscalCode,
      fiscalCode,
    );
    const holder = known
      ? known.value
      : await tx.findOne(Beneficiary, { where: { fiscalCode }, select: { id: true } });
    if (!holder) return;
    const reader = { caller, kind: 'beneficiaries' } as const;
    if (await lookupInScope(this.beneficiaries, BENEFICIARY_LIST, reader, holder.id, { tx }))
      throw duplicateFiscalCode(fiscalCode);
    throw new HeldOutOfScope(holder.id);
  }

  /**
   * Records for ADMIN that `caller` tried to register the code of a person out of their scope
   * (once per person and user: the unique index makes parallel attempts one row).
   */
  private async reportPossibleDuplicate(
    caller: Caller,
    beneficiaryId: number,
    territoryId: number,
  ): Promise<ConflictError> {
    await this.uow.run((tx) =>
      tx
        .createQueryBuilder()
        .insert()
        .into(PossibleDuplicate)
        .values({ at: nowIso(), beneficiaryId, reportedById: caller.id, territoryId })
        .orIgnore()
        .execute(),
    );
    return fiscalCodeUnavailable();
  }

  /**
   * `GET /beneficiaries/possible-duplicates` (ADMIN): the reports, newest first; `resolved`
   * (true or false, default false) picks the resolved or the waiting ones.
   */
  possibleDuplicates(raw: RawListParams): Promise<ListResult<PossibleDuplicate>> {
    const { rest, taken } = takeFilters(raw, ['resolved']);
    const resolved = taken.resolved ?? false;
    if (typeof resolved !== 'boolean')
      throw ListQueryError.of('filter', 'VALUE', 'resolved must be true or false');
    const qb = this.duplicates
      .createQueryBuilder('d')
      .where(`d.resolvedAt IS ${resolved ? 'NOT ' : ''}NULL`);
    return listPage(qb, POSSIBLE_DUPLICATE_LIST, rest);
  }

  /**
   * `POST /beneficiaries/possible-duplicates/:id/resolve` (ADMIN): marks the report resolved
   * with a note, audited on the person. The conditional update decides between parallel
   * resolutions: one changes the row, the others find it resolved (409).
   */
  async resolvePossibleDuplicate(
    caller: Caller,
    id: number,
    note: string,
  ): Promise<PossibleDuplicate> {
    return this.uow.run(async (tx) => {
      const at = nowIso();
      const result = await tx
        .createQueryBuilder()
        .update(PossibleDuplicate)
        .set({ resolvedAt: at, resolvedById: caller.id, resolutionNote: note })
        .where('id = :id AND resolved_at IS NULL', { id })
        .execute();
      const row = await tx.findOneBy(PossibleDuplicate, { id });
      if (!row) throw new NotFoundError('possible-duplicates', id);
      if (!result.affected)
        throw new ConflictError(
          'POSSIBLE_DUPLICATE_RESOLVED',
          {},
          `possible-duplicates ${id} is already resolved`,
        );
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'update',
        entityType: 'beneficiaries',
        entityId: row.beneficiaryId,
        changes: {
          possibleDuplicateId: [null, id],
          resolvedAt: [null, at],
          resolutionNote: [null, note],
        },
      });
      return row;
    });
  }

  /**
   * Runs the work in a transaction; a constraint the pre-checks could not see (two requests at
   * once) becomes a 409, never a 500.
   */
  private async withConflicts<T>(
    caller: Caller,
    body: { fiscalCode: string; territoryId: number } | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.uow.run(work);
    } catch (error) {
      if (error instanceof HeldOutOfScope && body)
        throw await this.reportPossibleDuplicate(caller, error.beneficiaryId, body.territoryId);
      const violation = constraintViolation(error);
      if (violation === 'unique' && body) {
        // Another request registered the code meanwhile: answered as if it had been first.
        const code = normalizeFiscalCode(body.fiscalCode);
        const held: unknown = await this.assertFiscalCodeFree(
          this.beneficiaries.manager,
          caller,
          code,
        ).catch((e: unknown) => e);
        if (held instanceof HeldOutOfScope)
          throw await this.reportPossibleDuplicate(caller, held.beneficiaryId, body.territoryId);
        throw duplicateFiscalCode(code);
      }
      if (violation === 'foreign-key') {
        throw new ConflictError(
          'DEPENDENCY_CHANGED',
          {},
          'a record this change depends on was changed at the same time; reload and try again',
        );
      }
      throw error;
    }
  }
}
