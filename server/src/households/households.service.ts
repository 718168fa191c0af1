import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertNoDocuments } from '../documents/owner-documents';
import { AccessLogService } from '../access-log/access-log.service';
import type { Caller } from '../auth/caller';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { constraintViolation } from '../common/constraint-violation';
import { ConflictError, FieldsError } from '../common/domain-error';
import { columns } from '../common/list-columns';
import {
  defineListSpec,
  refuseMaskedFilters,
  type ListResult,
  type RawListParams,
} from '../common/list-query';
import { ReadInScope } from '../common/read-in-scope';
import {
  assertNoReadOnlyOnCreate,
  assertReadOnlyUnchanged,
  updateVersioned,
  versionConflict,
} from '../common/versioned-update';
import { nowIso } from '../common/clock';
import { Pact } from '../pacts/pact.entity';
import { CreateHouseholdDto, HOUSEHOLD_READ_ONLY, UpdateHouseholdDto } from './dto/household.dto';
import { Household } from './household.entity';
import { HouseholdRecord, toHouseholdRecord, toHouseholdView } from './household.record';
import { resolvePlace } from '../territories/territory-place';
import { forgetPrefetched, PREFETCHED } from '../common/prefetched';
import { fieldError } from '../common/error-body';

export const HOUSEHOLD_LIST = defineListSpec({
  resource: 'households',
  alias: 'h',
  fields: columns([
    'id:int name:string territoryId:int municipality:string membersCount:int',
    'iseeEur:decimal vulnerable:boolean assessedById:int assessedAt:instant',
    'createdAt:instant updatedAt:instant',
  ]),
  search: ['name'],
  searchIndex: 'households',
  defaultSort: ['name', 'ASC'],
});

/** The assessment part of a household: a vulnerable household needs a reason. */
export function checkedAssessment(vulnerable: boolean, reason: string | null | undefined) {
  const vulnerabilityReason = reason?.trim() || null;
  if (vulnerable && vulnerabilityReason === null) {
    throw new FieldsError({
      vulnerabilityReason: fieldError(
        'REQUIRED_WHEN_VULNERABLE',
        {},
        'is required when the household is assessed as vulnerable',
      ),
    });
  }
  return { vulnerable, vulnerabilityReason };
}

/** decimal(12,2) written the same way on both engines. */
const iseeColumn = (eur: number | null) => (eur === null ? null : eur.toFixed(2));

/**
 * Nuclei familiari: scoped like beneficiaries, single reads in the access log. A change of the
 * vulnerability flag or reason is an assessment: the server records who made it and when.
 */
@Injectable()
export class HouseholdsService extends ReadInScope(Household, HOUSEHOLD_LIST, 'households') {
  constructor(private readonly accessLog: AccessLogService) {
    super();
  }

  /**
   * A household the caller may see, else 404. With `forUpdate` on PostgreSQL its row stays
   * locked until commit (members added meanwhile cannot slip past the checks).
   */
  findVisible(
    caller: Caller,
    id: number,
    tx?: EntityManager,
    forUpdate = false,
  ): Promise<Household> {
    return this.get(caller, id, { tx, lock: forUpdate ? 'pessimistic_write' : undefined });
  }

  /** A page of the list; each household on it is written to the access log. */
  override list(caller: Caller, raw: RawListParams): Promise<ListResult<Household>> {
    // A manager reads initials: a filter or search by name would confirm the family's name.
    if (caller.role === 'MANAGER') refuseMaskedFilters(raw, ['name', 'q']);
    return this.accessLog.listed(caller, 'households', super.list(caller, raw));
  }

  async read(caller: Caller, id: number): Promise<HouseholdRecord> {
    const found = await this.findVisible(caller, id);
    await this.accessLog.recordRead(caller, 'households', id);
    return toHouseholdView(found, caller);
  }

  create(caller: Caller, body: CreateHouseholdDto): Promise<HouseholdRecord> {
    assertNoReadOnlyOnCreate(body, [...HOUSEHOLD_READ_ONLY, 'version']);
    return this.uow.run((tx) => this.createIn(tx, caller, body));
  }

  /** The create inside the caller's transaction (an import writes many in one). */
  async createIn(
    tx: EntityManager,
    caller: Caller,
    body: CreateHouseholdDto,
    externalCode: string | null = null,
  ): Promise<HouseholdRecord> {
    const assessment = checkedAssessment(body.vulnerable ?? false, body.vulnerabilityReason);
    const assessed = assessment.vulnerable || assessment.vulnerabilityReason !== null;
    const place = await resolvePlace(tx, caller, body.territoryId, body.municipality);
    const saved = await tx.save(
      tx.create(Household, {
        name: body.name.trim(),
        territoryId: place.territory.id,
        municipality: place.municipality ?? body.municipality.trim(),
        membersCount: body.membersCount,
        iseeEur: iseeColumn(body.iseeEur ?? null),
        ...assessment,
        assessedById: assessed ? caller.id : null,
        assessedAt: assessed ? nowIso() : null,
        externalCode,
      }),
    );
    if (externalCode !== null)
      forgetPrefetched(tx, PREFETCHED.householdByExternalCode, externalCode);
    const created = await tx.findOneByOrFail(Household, { id: saved.id });
    const record = toHouseholdRecord(created);
    await this.audit.created(tx, caller.id, 'households', created.id, record);
    return record;
  }

  update(caller: Caller, id: number, body: UpdateHouseholdDto): Promise<HouseholdRecord> {
    return this.uow.run((tx) => this.updateIn(tx, caller, id, body));
  }

  /** The update inside the caller's transaction (an import writes many in one). */
  async updateIn(
    tx: EntityManager,
    caller: Caller,
    id: number,
    body: UpdateHouseholdDto,
  ): Promise<HouseholdRecord> {
    const current = await this.findVisible(caller, id, tx, true);
    // A stale record also carries a stale updatedAt: the version speaks first (409, not 400).
    if (body.version !== current.version) throw versionConflict(body.version, current.version);
    const before = toHouseholdRecord(current);
    assertReadOnlyUnchanged(body, before, HOUSEHOLD_READ_ONLY);
    const assessment = checkedAssessment(
      body.vulnerable ?? current.vulnerable,
      body.vulnerabilityReason === undefined
        ? current.vulnerabilityReason
        : body.vulnerabilityReason,
    );
    const reassessed =
      assessment.vulnerable !== current.vulnerable ||
      assessment.vulnerabilityReason !== current.vulnerabilityReason;
    const place = await resolvePlace(tx, caller, body.territoryId, body.municipality);
    if (place.territory.id !== current.territoryId) await this.assertNoMembers(tx, id, 'moved');
    const wrote = await updateVersioned(
      tx,
      Household,
      id,
      body.version,
      {
        name: body.name.trim(),
        territoryId: place.territory.id,
        municipality: place.municipality ?? body.municipality.trim(),
        membersCount: body.membersCount,
        iseeEur: body.iseeEur === undefined ? current.iseeEur : iseeColumn(body.iseeEur),
        ...assessment,
        ...(reassessed ? { assessedById: caller.id, assessedAt: nowIso() } : {}),
      },
      current,
    );
    if (!wrote) return before;
    const after = toHouseholdRecord(await tx.findOneByOrFail(Household, { id }));
    await this.audit.updated(tx, caller.id, 'households', id, before, after);
    return after;
  }

  /** Only a household without member beneficiaries and without pacts. */
  async remove(caller: Caller, id: number): Promise<HouseholdRecord> {
    try {
      return await this.uow.run(async (tx) => {
        const record = toHouseholdRecord(await this.findVisible(caller, id, tx, true));
        await this.assertNoMembers(tx, id, 'deleted');
        const pacts = await tx.countBy(Pact, { householdId: id });
        if (pacts > 0) {
          throw new ConflictError(
            'REFERENCED',
            { resource: 'households', id, count: pacts },
            `households ${id} is named by ${pacts} pact${pacts === 1 ? '' : 's'} and cannot be deleted`,
          );
        }
        await assertNoDocuments(tx, 'households', [id]);
        await tx.delete(Household, { id });
        await this.audit.deleted(tx, caller.id, 'households', id, record);
        return record;
      });
    } catch (error) {
      if (constraintViolation(error) !== 'foreign-key') throw error;
      throw new ConflictError(
        'REFERENCED_MEANWHILE',
        { resource: 'households', id },
        `households ${id} was given a member or a pact meanwhile and cannot be deleted`,
      );
    }
  }

  private async assertNoMembers(tx: EntityManager, id: number, what: 'moved' | 'deleted') {
    const members = await tx.countBy(Beneficiary, { householdId: id });
    if (members > 0) {
      const detail =
        what === 'moved'
          ? 'cannot move to another territory: move or detach its members first'
          : 'cannot be deleted';
      throw new ConflictError(
        'HOUSEHOLD_HAS_MEMBERS',
        { id, members },
        `households ${id} has ${members} member beneficiar${members === 1 ? 'y' : 'ies'} and ${detail}`,
      );
    }
  }
}
