import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EMPLOYMENT_STATUSES, normalizeFiscalCode, SEXES } from '@generattivi/shared';
import { EntityManager, Repository } from 'typeorm';
import { assertNoDocuments } from '../documents/owner-documents';
import { AccessLogEntry } from '../access-log/access-log.entity';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { findInScope, listInScope, listPage, lookupInScope, noSuchRecord } from '../auth/scope';
import { ConflictError, FieldsError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import {
  defineListSpec,
  ListQueryError,
  ListResult,
  ListSpec,
  RawListParams,
  takeFilters,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { assertNoReadOnlyOnCreate, updateRecord } from '../common/versioned-update';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { resolvePlace } from '../territories/territory-place';
import { Pact } from '../pacts/pact.entity';
import {
  BeneficiaryRecord,
  seesPersonalDetails,
  toBeneficiaryRecord,
  toFullBeneficiaryRecord,
} from './beneficiary.record';
import { Beneficiary } from './beneficiary.entity';
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

/**
 * The list as managers may query it: they see fiscal codes masked, so they can neither filter,
 * search nor sort by them (any of those would reveal the hidden characters).
 */
export const MASKED_BENEFICIARY_LIST = defineListSpec({
  ...BENEFICIARY_LIST,
  fields: {
    ...BENEFICIARY_LIST.fields,
    fiscalCode: { column: 'fiscalCode', type: 'string', filter: false, sort: false },
  },
  search: ['firstName', 'lastName'],
});

/** The list's spec for the caller; a manager filtering by the fiscal code they see masked is a 400. */
export function beneficiaryListSpec(caller: Caller, raw: RawListParams): ListSpec {
  const masked = !seesPersonalDetails(caller.role);
  if (masked && takeFilters(raw, ['fiscalCode']).taken.fiscalCode !== undefined) {
    throw ListQueryError.of(
      'filter',
      'MASKED_FIELD',
      'fiscalCode: fiscal codes are masked for managers and cannot be filtered on',
    );
  }
  return masked ? MASKED_BENEFICIARY_LIST : BENEFICIARY_LIST;
}

/** `GET /beneficiaries/:id/access-log`: who read that person's records, newest first. */
export const ACCESS_LOG_LIST = defineListSpec({
  resource: 'access-log',
  alias: 'l',
  fields: columns('id:int at:instant actorId:int entityType:enum entityId:int', {
    entityType: { values: ['beneficiaries', 'households', 'pacts'] },
  }),
  defaultSort: ['at', 'DESC'],
});

export interface AccessLogRecord {
  id: number;
  at: string;
  actorId: number;
  entityType: string;
  entityId: number;
}

export const toAccessLogRecord = (e: AccessLogEntry): AccessLogRecord => ({
  id: e.id,
  at: e.at,
  actorId: e.actorId,
  entityType: e.entityType,
  entityId: e.entityId,
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
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
  ) {}

  list(caller: Caller, raw: RawListParams): Promise<ListResult<Beneficiary>> {
    const spec = beneficiaryListSpec(caller, raw);
    return listInScope(this.beneficiaries, spec, { caller, kind: 'beneficiaries' }, raw);
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
    return this.withConflicts(body, (tx) => this.createIn(tx, caller, body));
  }

  /** The create inside the caller's transaction (an import writes many in one). */
  async createIn(
    tx: EntityManager,
    caller: Caller,
    body: CreateBeneficiaryDto,
  ): Promise<BeneficiaryRecord> {
    const fields = await this.checkedFields(tx, caller, body);
    await this.assertFiscalCodeFree(tx, fields.fiscalCode);
    const saved = await tx.save(tx.create(Beneficiary, fields));
    await this.audit.created(
      tx,
      caller.id,
      'beneficiaries',
      saved.id,
      toFullBeneficiaryRecord(saved),
    );
    return toBeneficiaryRecord(saved, caller);
  }

  update(caller: Caller, id: number, body: UpdateBeneficiaryDto): Promise<BeneficiaryRecord> {
    return this.withConflicts(body, (tx) => this.updateIn(tx, caller, id, body));
  }

  /** The update inside the caller's transaction (an import writes many in one). */
  async updateIn(
    tx: EntityManager,
    caller: Caller,
    id: number,
    body: UpdateBeneficiaryDto,
  ): Promise<BeneficiaryRecord> {
    const current = await this.findVisible(caller, id, tx);
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
        await this.assertFiscalCodeFree(tx, fields.fiscalCode);
      }
      return fields;
    });
  }

  /** Only a person no pact names; the audit event keeps what was deleted. */
  async remove(caller: Caller, id: number): Promise<BeneficiaryRecord> {
    return this.withConflicts(undefined, async (tx) => {
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

  private async assertFiscalCodeFree(tx: EntityManager, fiscalCode: string): Promise<void> {
    if (await tx.existsBy(Beneficiary, { fiscalCode })) throw duplicateFiscalCode(fiscalCode);
  }

  /**
   * Runs the work in a transaction; a constraint the pre-checks could not see (two requests at
   * once) becomes a 409, never a 500.
   */
  private async withConflicts<T>(
    body: { fiscalCode: string } | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.uow.run(work);
    } catch (error) {
      const violation = constraintViolation(error);
      if (violation === 'unique' && body) {
        throw duplicateFiscalCode(normalizeFiscalCode(body.fiscalCode));
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
