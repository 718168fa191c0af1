/**
 * One row of an import, through the same validation, scoping and audit as the API: the
 * cells read as the API's fields (import-values.ts), the request's DTO validated as the
 * global pipe would, then the service's own create or update inside the import's
 * transaction. A refusal becomes the row's errors, by column.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  ITALIAN_LABELS,
  normalizeFiscalCode,
  type ErrorCode,
  type FieldError,
  type ImportKind,
  type ImportRowResult,
  type ImportRowStatus,
} from '@generattivi/shared';
import { In, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { CreateBeneficiaryDto } from '../beneficiaries/dto/beneficiary.dto';
import { DomainError } from '../common/domain-error';
import { PREFETCHED, recallPrefetched, rememberPrefetched } from '../common/prefetched';
import type { ErrorBody } from '../common/error-body';
import { fieldError } from '../common/error-body';
import { flattenValidationErrors } from '../common/validation';
import { CreateHouseholdDto } from '../households/dto/household.dto';
import { Household } from '../households/household.entity';
import { HouseholdsService } from '../households/households.service';
import type { Territory } from '../territories/territory.entity';
import { IMPORT_COLUMNS, type ImportColumn } from './import-columns';
import {
  cellText,
  readBoolean,
  readChoice,
  readDate,
  readNumber,
  type Cell,
  type Read,
} from './import-values';

/** A row of the report (shared `ImportRowResult`). */
export type RowResult = ImportRowResult;
export type RowStatus = ImportRowStatus;

export type RowOutcome = Omit<RowResult, 'row'>;

/** What every row of one import shares. */
export interface RowContext {
  tx: EntityManager;
  caller: Caller;
  territories: Territory[];
}

/** A row's cells by the field of their column. */
export type RowValues = ReadonlyMap<string, Cell>;

export interface RowImporter {
  /** The field whose value identifies the row's record; twice in one file is an error. */
  keyField: string;
  /**
   * Loads before a chunk of rows, in a query or two, what their `apply` would look up one
   * row at a time (common/prefetched.ts): the records of their keys, the records they name.
   * The rows' own checks and writes still go through the services.
   */
  prefetch?(ctx: RowContext, rows: RowValues[]): Promise<void>;
  apply(ctx: RowContext, values: RowValues): Promise<RowOutcome>;
  /**
   * Writes, after a chunk of rows, what their `apply` left to be written together (the new
   * people, in one statement), the ids of the records it created set on their outcomes.
   */
  flush?(ctx: RowContext): Promise<void>;
}

/** The distinct non-empty texts of `field` in `rows`, as `normalize` writes them. */
function keysOf(rows: RowValues[], field: string, normalize = (text: string) => text) {
  const keys = new Set<string>();
  for (const values of rows) {
    const text = cellText(values.get(field) ?? null);
    if (text !== '') keys.add(normalize(text));
  }
  return [...keys];
}

/**
 * Remembers, for each of `keys`, the record of `entity` whose `column` holds it (null: none).
 */
async function prefetchBy<E extends object>(
  tx: EntityManager,
  kind: string,
  entity: new () => E,
  column: keyof E & string,
  keys: string[],
): Promise<void> {
  if (!keys.length) return;
  const found = await tx.find(entity, { where: { [column]: In(keys) } as never });
  const byKey = new Map(found.map((record) => [record[column] as unknown as string, record]));
  rememberPrefetched(
    tx,
    kind,
    keys.map((key) => [key, byKey.get(key) ?? null]),
  );
}

/** Thrown by a row whose errors are known (a cell, the DTO, a refusal of the service). */
export class RowErrors extends Error {
  constructor(readonly errors: Record<string, FieldError>) {
    super('row refused');
  }
}

/** Reads the row's fields, collecting each cell's problem under its column's heading. */
export class RowReader {
  readonly errors: Record<string, FieldError> = {};
  private readonly columns: Map<string, ImportColumn>;

  constructor(
    kind: ImportKind,
    private readonly values: RowValues,
  ) {
    this.columns = new Map(IMPORT_COLUMNS[kind].map((c) => [c.field, c]));
  }

  header(field: string): string {
    return this.columns.get(field)?.header ?? field;
  }

  private take<T>(field: string, read: Read<T | null>): T | null {
    if ('error' in read) {
      this.errors[this.header(field)] = read.error;
      return null;
    }
    if (read.value === null && this.columns.get(field)?.required)
      this.errors[this.header(field)] = fieldError('REQUIRED', {}, 'is required');
    return read.value;
  }

  private cell(field: string): Cell {
    return this.values.get(field) ?? null;
  }

  text(field: string): string | null {
    const text = cellText(this.cell(field));
    return this.take(field, { value: text === '' ? null : text });
  }

  date(field: string) {
    return this.take(field, readDate(this.cell(field)));
  }

  number(field: string) {
    return this.take(field, readNumber(this.cell(field)));
  }

  boolean(field: string) {
    return this.take(field, readBoolean(this.cell(field)));
  }

  choice<C extends string>(field: string, labels: Readonly<Record<C, string>>) {
    return this.take(field, readChoice(this.cell(field), labels));
  }

  /** A territory by its name or code. */
  territory(territories: Territory[]): number | null {
    const labels = Object.fromEntries(territories.map((t) => [String(t.id), t.name]));
    const byCode = territories.find(
      (t) => t.code.toLowerCase() === cellText(this.cell('territoryId')).toLowerCase(),
    );
    if (byCode) return byCode.id;
    const id = this.choice('territoryId', labels);
    return id === null ? null : Number(id);
  }

  /** The DTO, validated as the API's global pipe validates a request body. */
  async dto<T extends object>(type: new () => T, body: Record<string, unknown>): Promise<T> {
    if (Object.keys(this.errors).length) throw new RowErrors(this.errors);
    const dto = plainToInstance(type, body);
    const problems = flattenValidationErrors(
      await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
    );
    for (const [field, error] of Object.entries(problems)) this.errors[this.header(field)] = error;
    if (Object.keys(this.errors).length) throw new RowErrors(this.errors);
    return dto;
  }

  /**
   * A refusal of the service as the row's errors: each field error under its column; a whole
   * refusal under the column its message or its code names.
   */
  refusal(error: unknown, byCode: Partial<Record<ErrorCode, string>>): Record<string, FieldError> {
    if (error instanceof RowErrors) return error.errors;
    if (!(error instanceof DomainError)) throw error;
    const body = error.getResponse() as ErrorBody;
    if (body.fieldErrors)
      return Object.fromEntries(
        Object.entries(body.fieldErrors).map(([field, e]) => [this.header(field), e]),
      );
    const named = /^(\w+):/.exec(body.message)?.[1];
    const field = byCode[body.code] ?? (named && this.columns.has(named) ? named : undefined);
    const coded = { code: body.code, params: body.params, message: body.message } as FieldError;
    return { [field ? this.header(field) : '']: coded };
  }
}

type Versioned = { id: number; version: number };

/**
 * The record created when `existing` is null, else updated with the row's fields at its
 * version: unchanged when it kept its version.
 */
async function upsert(
  existing: Versioned | null,
  create: () => Promise<Versioned>,
  update: (id: number, version: number) => Promise<Versioned>,
): Promise<RowOutcome> {
  if (!existing) return { status: 'created', id: (await create()).id };
  const after = await update(existing.id, existing.version);
  return { status: after.version === existing.version ? 'unchanged' : 'updated', id: after.id };
}

const optional = (text: string | null) => text ?? null;

/** The record of `entity` whose external code is `code`, if any. */
export async function byExternalCode<E extends { externalCode: string | null }>(
  tx: EntityManager,
  entity: new () => E,
  code: string,
): Promise<E | null> {
  return tx.findOne(entity, { where: { externalCode: code } as never });
}

/** The household whose external code is `code`, if any (from the chunk's prefetch if there). */
async function householdByCode(tx: EntityManager, code: string): Promise<Household | null> {
  const known = recallPrefetched<Household | null>(tx, PREFETCHED.householdByExternalCode, code);
  return known ? known.value : byExternalCode(tx, Household, code);
}

export function beneficiaryImporter(service: BeneficiariesService): RowImporter {
  /** The new people of the chunk, checked, and the outcomes of their rows. */
  const unwritten = new WeakMap<RowContext, { person: Beneficiary; outcome: RowOutcome }[]>();
  return {
    keyField: 'fiscalCode',
    async prefetch(ctx, rows) {
      const fiscalCodes = keysOf(rows, 'fiscalCode', normalizeFiscalCode);
      const byFiscalCode = PREFETCHED.beneficiaryByFiscalCode;
      await prefetchBy(ctx.tx, byFiscalCode, Beneficiary, 'fiscalCode', fiscalCodes);
      const householdCodes = keysOf(rows, 'householdCode');
      const byCode = PREFETCHED.householdByExternalCode;
      await prefetchBy(ctx.tx, byCode, Household, 'externalCode', householdCodes);
    },
    async apply(ctx, values) {
      const row = new RowReader('beneficiaries', values);
      try {
        const householdCode = row.text('householdCode');
        let householdId: number | null = null;
        if (householdCode !== null) {
          const household = await householdByCode(ctx.tx, householdCode);
          if (household) householdId = household.id;
          else
            row.errors[row.header('householdCode')] = fieldError(
              'IMPORT_NO_SUCH_CODE',
              { code: householdCode },
              `no household has the external code ${householdCode}`,
            );
        }
        const body = await row.dto(CreateBeneficiaryDto, {
          lastName: row.text('lastName'),
          firstName: row.text('firstName'),
          fiscalCode: row.text('fiscalCode'),
          birthDate: row.date('birthDate'),
          sex: row.choice('sex', { F: ITALIAN_LABELS.sex.F, M: ITALIAN_LABELS.sex.M }),
          territoryId: row.territory(ctx.territories),
          municipality: row.text('municipality'),
          address: optional(row.text('address')),
          phone: optional(row.text('phone')),
          email: optional(row.text('email')),
          employmentStatus: row.choice('employmentStatus', ITALIAN_LABELS.employmentStatus),
          householdId,
        });
        const fiscalCode = normalizeFiscalCode(body.fiscalCode);
        const known = recallPrefetched<Beneficiary | null>(
          ctx.tx,
          PREFETCHED.beneficiaryByFiscalCode,
          fiscalCode,
        );
        const existing = known ? known.value : await ctx.tx.findOneBy(Beneficiary, { fiscalCode });
        if (!existing) {
          // Checked now, inserted with the chunk's other new people (flush).
          const person = await service.checkedCreate(ctx.tx, ctx.caller, body);
          const outcome: RowOutcome = { status: 'created' };
          const people = unwritten.get(ctx) ?? [];
          unwritten.set(ctx, [...people, { person, outcome }]);
          return outcome;
        }
        return await upsert(
          existing,
          () => service.createIn(ctx.tx, ctx.caller, body),
          (id, version) => service.updateIn(ctx.tx, ctx.caller, id, { ...body, version }),
        );
      } catch (e) {
        return {
          status: 'error',
          errors: row.refusal(e, {
            NOT_IN_TERRITORY: 'territoryId',
            DUPLICATE_FISCAL_CODE: 'fiscalCode',
            NOT_FOUND: 'fiscalCode',
          }),
        };
      }
    },
    async flush(ctx) {
      const people = unwritten.get(ctx) ?? [];
      unwritten.delete(ctx);
      const created = await service.insertCheckedIn(
        ctx.tx,
        ctx.caller,
        people.map((p) => p.person),
      );
      created.forEach((record, i) => (people[i].outcome.id = record.id));
    },
  };
}

export function householdImporter(service: HouseholdsService): RowImporter {
  return {
    keyField: 'externalCode',
    async prefetch(ctx, rows) {
      const codes = keysOf(rows, 'externalCode');
      await prefetchBy(
        ctx.tx,
        PREFETCHED.householdByExternalCode,
        Household,
        'externalCode',
        codes,
      );
    },
    async apply(ctx, values) {
      const row = new RowReader('households', values);
      try {
        const externalCode = row.text('externalCode');
        const body = await row.dto(CreateHouseholdDto, {
          name: row.text('name'),
          territoryId: row.territory(ctx.territories),
          municipality: row.text('municipality'),
          membersCount: row.number('membersCount'),
          iseeEur: row.number('iseeEur'),
          vulnerable: row.boolean('vulnerable') ?? false,
          vulnerabilityReason: optional(row.text('vulnerabilityReason')),
        });
        const existing = await householdByCode(ctx.tx, externalCode as string);
        return await upsert(
          existing,
          () => service.createIn(ctx.tx, ctx.caller, body, externalCode),
          (id, version) => service.updateIn(ctx.tx, ctx.caller, id, { ...body, version }),
        );
      } catch (e) {
        return {
          status: 'error',
          errors: row.refusal(e, { NOT_IN_TERRITORY: 'territoryId', NOT_FOUND: 'externalCode' }),
        };
      }
    },
  };
}
