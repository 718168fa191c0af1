/**
 * A pact's row of an import: the person by fiscal code, the household by external code, the
 * social worker and community maker by email, each looked up in the importer's scope; then
 * the pact created or updated by PactsService, its community maker assigned by
 * PactAssignmentService, its milestones written by MilestonesService and, for a pact that was
 * already running, the move to ACTIVE by PactTransitionsService: the API's own rules and
 * audit, inside the import's transaction.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  ITALIAN_LABELS,
  normalizeFiscalCode,
  type EligibilityEvaluation,
  type FieldError,
  type PactStatus,
  type PactType,
} from '@generattivi/shared';
import { HttpException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PactAssignmentService } from '../assignments/pact-assignment.service';
import { recordOpenPact, recordWrite } from '../common/carried-over';
import { lookupInScope } from '../auth/scope';
import { BENEFICIARY_LIST } from '../beneficiaries/beneficiaries.service';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { FieldsError } from '../common/domain-error';
import type { ErrorBody } from '../common/error-body';
import { fieldError } from '../common/error-body';
import { flattenValidationErrors } from '../common/validation';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { CreateMilestoneDto, type UpdateMilestoneDto } from '../milestones/dto/milestone.dto';
import { Milestone } from '../milestones/milestone.entity';
import { MilestonesService } from '../milestones/milestones.service';
import { CreatePactDto, type UpdatePactDto } from '../pacts/dto/pact.dto';
import { PACT_LIST } from '../pacts/pact-list';
import { PactTransitionsService } from '../pacts/pact-transitions.service';
import { Pact } from '../pacts/pact.entity';
import { PactsService } from '../pacts/pacts.service';
import { User } from '../users/user.entity';
import { IMPORT_MILESTONES, milestoneFields } from './import-columns';
import {
  byExternalCode,
  RowErrors,
  RowReader,
  type RowContext,
  type RowImporter,
} from './import-rows';

/** The pact types as a spreadsheet names them. */
export const IMPORTED_PACT_TYPES: Readonly<Record<PactType, string>> = {
  AUTONOMY: 'Autonomia',
  INCLUSION: 'Inclusione',
};

/** The statuses a pact comes in with: a draft, or a pact already running. */
export const IMPORTED_PACT_STATUSES = {
  DRAFT: ITALIAN_LABELS.pactStatus.DRAFT,
  ACTIVE: ITALIAN_LABELS.pactStatus.ACTIVE,
} as const satisfies Partial<Record<PactStatus, string>>;

/** The reason of the audited move to ACTIVE of a pact imported as running. */
export const IMPORTED_ACTIVE_REASON =
  'patto già in corso, importato da un foglio di calcolo: firmato su carta prima di GenerAttivi';

interface RowMilestone {
  n: number;
  title: string;
  dueDate: string;
}

/** The person (AUTONOMY) or household (INCLUSION) a pact holds open. */
const subjectIdOf = (pact: Pick<Pact, 'type' | 'beneficiaryId' | 'householdId'>) =>
  pact.type === 'AUTONOMY' ? pact.beneficiaryId : pact.householdId;

/** Milestones are matched by title: case and surrounding spaces do not count. */
const sameTitle = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('it') === b.trim().toLocaleLowerCase('it');

/** The column of the pact's row that each eligibility rule speaks of. */
function ruleColumn(rule: string, type: PactType): string {
  if (rule === 'SAME_TERRITORY') return 'territoryId';
  if (rule === 'INCLUSION_VULNERABLE') return 'householdId';
  if (rule === 'ONE_OPEN_PACT') return type === 'AUTONOMY' ? 'beneficiaryId' : 'householdId';
  return 'beneficiaryId';
}

/** The failing rules of a refused evaluation, each under its column (several joined). */
function eligibilityErrors(
  row: RowReader,
  type: PactType,
  evaluation: EligibilityEvaluation,
): Record<string, FieldError> {
  const failing = new Map<string, { it: string[]; en: string[] }>();
  for (const check of evaluation.checks.filter((c) => !c.passed)) {
    const column = row.header(ruleColumn(check.rule, type));
    const reasons = failing.get(column) ?? { it: [], en: [] };
    reasons.it.push(check.messages.it);
    reasons.en.push(check.messages.en);
    failing.set(column, reasons);
  }
  return Object.fromEntries(
    [...failing].map(([column, reasons]) => [
      column,
      fieldError(
        'IMPORT_NOT_ELIGIBLE',
        { reason: reasons.it.join('; ') },
        `not eligible: ${reasons.en.join('; ')}`,
      ),
    ]),
  );
}

/** The row's errors of a milestone's refusal, under that milestone's columns. */
function milestoneRefusal(error: unknown, n: number, row: RowReader): unknown {
  if (!(error instanceof FieldsError)) return error;
  const fields = milestoneFields(n);
  const body = error.getResponse() as ErrorBody;
  return new RowErrors(
    Object.fromEntries(
      Object.entries(body.fieldErrors ?? {}).map(([field, e]) => [
        row.header(field === 'dueDate' ? fields.dueDate : fields.title),
        e,
      ]),
    ),
  );
}

export function pactImporter(services: {
  pacts: PactsService;
  milestones: MilestonesService;
  assignments: PactAssignmentService;
  transitions: PactTransitionsService;
}): RowImporter {
  /**
   * The pact of the external code, if any; one the importer does not see (another district's)
   * is the cell's error.
   */
  async function visibleByCode(ctx: RowContext, row: RowReader, code: string) {
    const found = await byExternalCode(ctx.tx, Pact, code);
    if (!found) return null;
    const reader = { caller: ctx.caller, kind: 'pacts' } as const;
    const pacts = ctx.tx.getRepository(Pact);
    if (await lookupInScope(pacts, PACT_LIST, reader, found.id, { tx: ctx.tx })) return found;
    row.errors[row.header('externalCode')] = fieldError(
      'IMPORT_CODE_TAKEN',
      { code },
      `the external code ${code} belongs to a pact outside your districts`,
    );
    return null;
  }

  /** The person of the fiscal code, when the importer sees them; else the cell's error. */
  async function person(ctx: RowContext, row: RowReader): Promise<number | null> {
    const written = row.text('beneficiaryId');
    if (written === null) return null;
    const fiscalCode = normalizeFiscalCode(written);
    const found = await ctx.tx.findOne(Beneficiary, {
      select: { id: true },
      where: { fiscalCode },
    });
    const visible =
      found &&
      (await lookupInScope(
        ctx.tx.getRepository(Beneficiary),
        BENEFICIARY_LIST,
        { caller: ctx.caller, kind: 'beneficiaries' },
        found.id,
        { tx: ctx.tx },
      ));
    if (visible) return visible.id;
    row.errors[row.header('beneficiaryId')] = fieldError(
      'IMPORT_NO_SUCH_PERSON',
      { fiscalCode },
      `no person of your districts has the fiscal code ${fiscalCode}`,
    );
    return null;
  }

  /** The household of the external code, when the importer sees it; else the cell's error. */
  async function household(ctx: RowContext, row: RowReader): Promise<number | null> {
    const code = row.text('householdId');
    if (code === null) return null;
    const found = await byExternalCode(ctx.tx, Household, code);
    const visible =
      found &&
      (await lookupInScope(
        ctx.tx.getRepository(Household),
        HOUSEHOLD_LIST,
        { caller: ctx.caller, kind: 'households' },
        found.id,
        { tx: ctx.tx },
      ));
    if (visible) return visible.id;
    row.errors[row.header('householdId')] = fieldError(
      'IMPORT_NO_SUCH_CODE',
      { code },
      `no household has the external code ${code}`,
    );
    return null;
  }

  /**
   * The account of the email; its role, activity and territory are the pact service's to
   * check (as for an id sent to the API).
   */
  async function account(
    tx: EntityManager,
    row: RowReader,
    field: 'socialWorkerId' | 'communityMakerId',
  ): Promise<number | undefined> {
    const written = row.text(field);
    if (written === null) return undefined;
    const email = written.toLowerCase();
    const user = await tx.findOne(User, { select: { id: true }, where: { email } });
    if (user) return user.id;
    row.errors[row.header(field)] = fieldError(
      'IMPORT_NO_SUCH_USER',
      { email },
      `no account has the email ${email}`,
    );
    return undefined;
  }

  /** The milestones of the row: each with a title and a due date, validated as the API does. */
  async function milestonesOf(row: RowReader): Promise<RowMilestone[]> {
    const found: RowMilestone[] = [];
    for (let n = 1; n <= IMPORT_MILESTONES; n++) {
      const fields = milestoneFields(n);
      const title = row.text(fields.title);
      const dueDate = row.date(fields.dueDate);
      if (title === null && dueDate === null) continue;
      const missing = title === null ? fields.title : dueDate === null ? fields.dueDate : null;
      if (missing) {
        if (!row.errors[row.header(missing)])
          row.errors[row.header(missing)] = fieldError('REQUIRED', {}, 'is required');
        continue;
      }
      const twin = found.find((m) => sameTitle(m.title, title as string));
      if (twin)
        row.errors[row.header(fields.title)] = fieldError(
          'IMPORT_SAME_MILESTONE',
          { n: twin.n },
          `is the same title as milestone ${twin.n}`,
        );
      const dto = plainToInstance(CreateMilestoneDto, { pactId: 1, title, dueDate });
      const problems = flattenValidationErrors(await validate(dto));
      for (const [field, e] of Object.entries(problems))
        row.errors[row.header(field === 'dueDate' ? fields.dueDate : fields.title)] = e;
      found.push({ n, title: title as string, dueDate: dueDate as string });
    }
    return found;
  }

  /** Each milestone of the row on the pact: a new title added, a known one's due date updated. */
  async function writeMilestones(
    ctx: RowContext,
    row: RowReader,
    pactId: number,
    milestones: RowMilestone[],
  ): Promise<number> {
    const existing = await ctx.tx.find(Milestone, { where: { pactId }, order: { id: 'ASC' } });
    let writes = 0;
    for (const m of milestones) {
      const known = existing.find((e) => sameTitle(e.title, m.title));
      if (known && known.dueDate === m.dueDate) continue;
      try {
        if (known) {
          const body = { title: known.title, dueDate: m.dueDate, version: known.version };
          await services.milestones.updateIn(
            ctx.tx,
            ctx.caller,
            known.id,
            body as UpdateMilestoneDto,
          );
        } else {
          const body = plainToInstance(CreateMilestoneDto, {
            pactId,
            title: m.title,
            dueDate: m.dueDate,
          });
          await services.milestones.createIn(ctx.tx, ctx.caller, body);
        }
      } catch (e) {
        throw milestoneRefusal(e, m.n, row);
      }
      writes += 1;
    }
    return writes;
  }

  return {
    keyField: 'externalCode',
    async apply(ctx, values) {
      const row = new RowReader('pacts', values);
      let type: PactType | null = null;
      try {
        // A savepoint: a row refused halfway (its pact created, its activation refused)
        // leaves nothing behind for the rows after it to see.
        return await ctx.tx.transaction(async () => {
          const externalCode = row.text('externalCode');
          type = row.choice('type', IMPORTED_PACT_TYPES);
          const status = row.choice('status', IMPORTED_PACT_STATUSES) ?? 'DRAFT';
          const existing = externalCode ? await visibleByCode(ctx, row, externalCode) : null;
          const beneficiaryId = await person(ctx, row);
          const householdId = await household(ctx, row);
          const socialWorkerId = await account(ctx.tx, row, 'socialWorkerId');
          const communityMakerId = await account(ctx.tx, row, 'communityMakerId');
          const milestones = await milestonesOf(row);
          const body = await row.dto(CreatePactDto, {
            type,
            territoryId: row.territory(ctx.territories),
            beneficiaryId,
            householdId,
            socialWorkerId,
            communityMakerId,
            title: row.text('title'),
            objectives: row.text('objectives') ?? undefined,
            citizenCommitments: row.text('citizenCommitments') ?? undefined,
            communityCommitments: row.text('communityCommitments') ?? undefined,
            startDate: row.date('startDate'),
            plannedEndDate: row.date('plannedEndDate'),
          });
          if (!existing) {
            const pact = await services.pacts.createIn(ctx.tx, ctx.caller, body, externalCode);
            await writeMilestones(ctx, row, pact.id, milestones);
            if (status === 'ACTIVE')
              await services.transitions.activateImportedIn(
                ctx.tx,
                ctx.caller,
                pact.id,
                IMPORTED_ACTIVE_REASON,
              );
            recordOpenPact(ctx.tx, pact.type, subjectIdOf(pact));
            return { status: 'created' as const, id: pact.id };
          }
          const activate = status === 'ACTIVE' && existing.status === 'DRAFT';
          if (status !== existing.status && !activate) {
            const its = ITALIAN_LABELS.pactStatus[existing.status];
            throw new RowErrors({
              [row.header('status')]: fieldError(
                'IMPORT_STATUS_FIXED',
                { status: its },
                `the pact is already ${existing.status}: an import does not change its status`,
              ),
            });
          }
          const { communityMakerId: maker, templateId: _t, ...fields } = body;
          const update = { ...fields, version: existing.version } as UpdatePactDto;
          const updated = await services.pacts.updateIn(ctx.tx, ctx.caller, existing.id, update);
          if (maker != null && maker !== updated.communityMakerId)
            await services.assignments.assignIn(ctx.tx, ctx.caller, existing.id, {
              communityMakerId: maker,
              reason: 'importazione da foglio di calcolo',
            });
          const writes = await writeMilestones(ctx, row, existing.id, milestones);
          if (activate)
            await services.transitions.activateImportedIn(
              ctx.tx,
              ctx.caller,
              existing.id,
              IMPORTED_ACTIVE_REASON,
            );
          const after = await ctx.tx.findOneByOrFail(Pact, { id: existing.id });
          if (subjectIdOf(after) !== subjectIdOf(existing)) {
            const { beneficiaryId: b, householdId: h } = after;
            recordWrite(ctx.tx, Pact, existing.id, { beneficiaryId: b, householdId: h });
          }
          const changed = writes > 0 || after.version !== existing.version;
          return {
            status: changed ? ('updated' as const) : ('unchanged' as const),
            id: existing.id,
          };
        });
      } catch (e) {
        return { status: 'error', errors: refusal(row, type, e) };
      }
    },
  };
}

/** A refusal as the row's errors, each under the column it speaks of. */
function refusal(
  row: RowReader,
  type: PactType | null,
  error: unknown,
): Record<string, FieldError> {
  if (error instanceof HttpException && !(error instanceof FieldsError)) {
    const body = error.getResponse() as ErrorBody & { evaluation?: EligibilityEvaluation };
    if (body.code === 'NOT_ELIGIBLE' && body.evaluation && type)
      return eligibilityErrors(row, type, body.evaluation);
  }
  const subject = type === 'INCLUSION' ? 'householdId' : 'beneficiaryId';
  const errors = row.refusal(error, {
    NOT_IN_TERRITORY: 'territoryId',
    OPEN_PACT_EXISTS: subject,
    PACT_CLOSED: 'status',
    TRANSITION_NOT_ALLOWED: 'status',
    VERSION_CONFLICT: 'externalCode',
  });
  // Approval's requirements name `milestones`: the first milestone's column says it.
  const milestones = errors.milestones;
  if (milestones) {
    delete errors.milestones;
    errors[row.header(milestoneFields(1).title)] = milestones;
  }
  return errors;
}
