import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  evaluateEligibility,
  OPEN_PACT_STATUSES,
  type EligibilityEvaluation,
  type FieldError,
  type PactType,
} from '@generattivi/shared';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Caller } from '../auth/caller';
import { lookupInScope, noSuchRecord } from '../auth/scope';
import { BENEFICIARY_LIST } from '../beneficiaries/beneficiaries.service';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { AppConfig, CONFIG } from '../config/config';
import { openPactsCarried } from '../common/carried-over';
import { FieldsError } from '../common/domain-error';
import { errorBody, fieldError } from '../common/error-body';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { Territory } from '../territories/territory.entity';
import type { EligibilityCheckDto } from './dto/pact.dto';
import { visiblePact } from './pact-list';
import { Pact } from './pact.entity';

export class EligibilityFailed extends HttpException {
  constructor(
    message: string,
    evaluation: EligibilityEvaluation,
    extra: Record<string, unknown> = {},
  ) {
    super(
      errorBody(422, 'NOT_ELIGIBLE', {}, message, { evaluation, ...extra }),
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

export type PactSubject = { beneficiary: Beneficiary | null; household: Household | null };

/** What an evaluation decided (rule set and failing rules), without when it ran. */
export function failingRules(
  e: EligibilityEvaluation | null,
): { ruleSet: string; failing: string[] } | null {
  return e
    ? {
        ruleSet: String(e.ruleSetVersion),
        failing: e.checks
          .filter((c) => !c.passed)
          .map((c) => c.rule)
          .sort(),
      }
    : null;
}
export const sameDecision = (a: EligibilityEvaluation | null, b: EligibilityEvaluation | null) =>
  JSON.stringify(failingRules(a)) === JSON.stringify(failingRules(b));

/** The subject a pact type requires, and the field naming it. */
const SUBJECT_FIELDS = {
  beneficiaryId: {
    list: BENEFICIARY_LIST,
    kind: 'beneficiaries',
    type: 'AUTONOMY',
    noun: 'beneficiary',
  },
  householdId: { list: HOUSEHOLD_LIST, kind: 'households', type: 'INCLUSION', noun: 'household' },
} as const;

/** The eligibility rules applied to pacts: on create and edit, on submit and approve, on request. */
@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The beneficiary and household a pact names, each in the caller's scope; else a 400. */
  async subjectOf(
    tx: EntityManager,
    caller: Caller,
    type: PactType,
    beneficiaryId?: number | null,
    householdId?: number | null,
  ): Promise<PactSubject> {
    const errors: Record<string, FieldError> = {};
    const find = async <T extends Beneficiary | Household>(
      field: keyof typeof SUBJECT_FIELDS,
      entity: typeof Beneficiary | typeof Household,
      id: number | null | undefined,
    ): Promise<T | null> => {
      const { list, kind, noun } = SUBJECT_FIELDS[field];
      if (id != null) {
        const found = await lookupInScope(tx.getRepository(entity), list, { caller, kind }, id);
        if (!found) errors[field] = noSuchRecord(list.resource, id, noun);
        return found as T | null;
      }
      if (type === SUBJECT_FIELDS[field].type)
        errors[field] = fieldError(
          'REQUIRED_FOR_TYPE',
          { type },
          `is required for an ${type} pact`,
        );
      return null;
    };
    const beneficiary = await find<Beneficiary>('beneficiaryId', Beneficiary, beneficiaryId);
    const household = await find<Household>('householdId', Household, householdId);
    if (Object.keys(errors).length) throw new FieldsError(errors);
    return { beneficiary, household };
  }

  /**
   * Open pacts of the same type for the same person (AUTONOMY) or household (INCLUSION), with
   * those that earlier transactions of a dry run created (common/carried-over.ts).
   */
  async otherOpenPacts(
    tx: EntityManager,
    type: PactType,
    subject: PactSubject,
    exceptId?: number,
  ): Promise<number> {
    const subjectId = (type === 'AUTONOMY' ? subject.beneficiary?.id : subject.household?.id) ?? -1;
    const where = {
      type,
      status: In([...OPEN_PACT_STATUSES]),
      ...(type === 'AUTONOMY' ? { beneficiaryId: subjectId } : { householdId: subjectId }),
      ...(exceptId ? { id: Not(exceptId) } : {}),
    };
    const stored = await tx.getRepository(Pact).countBy(where);
    return stored + openPactsCarried(tx, type, subjectId);
  }

  async evaluate(
    tx: EntityManager,
    input: { type: PactType; territoryId: number; startDate?: string | null },
    subject: PactSubject,
    exceptId?: number,
  ): Promise<EligibilityEvaluation> {
    const territories = await tx
      .getRepository(Territory)
      .find({ select: { id: true, name: true } });
    return evaluateEligibility(
      {
        type: input.type,
        territoryId: input.territoryId,
        startDate: input.startDate ?? null,
        beneficiary: subject.beneficiary,
        household: subject.household
          ? { ...subject.household, iseeEur: subject.household.iseeEur }
          : null,
        otherOpenPacts: await this.otherOpenPacts(tx, input.type, subject, exceptId),
        territoryNames: Object.fromEntries(territories.map((t) => [t.id, t.name])),
      },
      { iseeThresholdEur: this.config.iseeThresholdEur },
    );
  }

  /** POST /eligibility/check: evaluates without saving anything. */
  async check(caller: Caller, body: EligibilityCheckDto): Promise<EligibilityEvaluation> {
    const tx = this.dataSource.manager;
    if (!(await tx.existsBy(Territory, { id: body.territoryId })))
      throw new FieldsError({
        territoryId: noSuchRecord('territories', body.territoryId, 'territory'),
      });
    if (body.pactId) await visiblePact(tx, caller, body.pactId);
    const subject = await this.subjectOf(
      tx,
      caller,
      body.type,
      body.beneficiaryId,
      body.householdId,
    );
    return this.evaluate(tx, body, subject, body.pactId);
  }
}
