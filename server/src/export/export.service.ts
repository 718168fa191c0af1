import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@generattivi/shared';
import type { Readable } from 'node:stream';
import { DataSource, In, type ObjectLiteral } from 'typeorm';
import type { LoggedEntity } from '../access-log/access-log.entity';
import { AccessLogService } from '../access-log/access-log.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { BENEFICIARY_LIST } from '../beneficiaries/beneficiaries.service';
import { initials, maskFiscalCode, personName } from '../beneficiaries/beneficiary.record';
import { scopedQuery } from '../auth/scope';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { DomainError } from '../common/domain-error';
import {
  listIds,
  parseListQuery,
  rowsInBatches,
  type ListSpec,
  type RawListParams,
} from '../common/list-query';
import { UnitOfWork } from '../common/unit-of-work';
import { AppConfig, CONFIG } from '../config/config';
import { Household } from '../households/household.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Pact } from '../pacts/pact.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { SHEETS, type Lookups, type Refs, type Sheet } from './export-sheets';
import { csvStream, MEDIA_TYPES, xlsxStream, type ExportFormat } from './export-writers';

/** Rows read and written at a time; the event loop is given back between batches. */
export const EXPORT_BATCH = 500;

export type ExportCollection = keyof typeof SHEETS;

export interface ExportFile {
  stream: Readable;
  fileName: string;
  mediaType: string;
}

/** A word mixing letters and digits without a dash: a fiscal code or a piece of one. */
const FISCAL_CODE_LIKE = /^(?=.*\d)(?=.*[a-z])[a-z0-9]+$/i;

const mask = (code: unknown) => (typeof code === 'string' ? maskFiscalCode(code) : code);

/**
 * The filter as the audit trail keeps it: a fiscal code filtered on, or typed in the search
 * (`q`), is kept masked, as a manager reading the trail may see it; references (with their
 * dashes) and names stay as typed. The filter is valid JSON: the list query parsed it.
 */
export function auditedFilter(collection: ExportCollection, raw: unknown): unknown {
  if (raw === undefined) return null;
  const filter = JSON.parse(String(raw)) as Record<string, unknown>;
  if (typeof filter.q === 'string') {
    filter.q = filter.q
      .split(/(\s+)/)
      .map((word) => (FISCAL_CODE_LIKE.test(word) ? maskFiscalCode(word) : word))
      .join('');
  }
  if (collection !== 'beneficiaries' || filter.fiscalCode === undefined) return filter;
  const codes = filter.fiscalCode;
  return { ...filter, fiscalCode: Array.isArray(codes) ? codes.map(mask) : mask(codes) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A collection's list as a spreadsheet: the list's scope, filter and sort, masked as the list
 * answers, at most `exportMaxRows` rows (100,000 unless configured lower): the matching ids in
 * the list's order first (off the event loop on SQLite), then the rows streamed in batches by
 * id, each batch's people written to the access log first; each export is an audit event
 * (collection, filter, sort, format and rows).
 */
@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accessLog: AccessLogService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    collection: ExportCollection,
    caller: Caller,
    params: RawListParams & { format?: ExportFormat },
  ): Promise<ExportFile> {
    const sheet = SHEETS[collection] as unknown as Sheet;
    const format = params.format ?? 'csv';
    const source = sheet.source(this.dataSource, caller, {
      filter: params.filter,
      sort: params.sort,
    });
    const query = parseListQuery({ filter: source.raw.filter, sort: source.raw.sort }, source.spec);
    const maxRows = this.config.exportMaxRows;
    const ids = await listIds(source.qb, query, source.spec, maxRows + 1);
    const rows = ids.length;
    if (rows > maxRows) {
      throw new DomainError(
        422,
        'EXPORT_TOO_LARGE',
        { maxRows },
        `more than ${maxRows} ${collection} match: narrow the filters`,
      );
    }
    await this.uow.run((tx) =>
      this.audit.append(tx, {
        actorId: caller.id,
        action: 'export',
        entityType: collection,
        entityId: null,
        changes: {
          filter: [null, auditedFilter(collection, params.filter)],
          sort: [null, query.sort],
          format: [null, format],
          rows: [null, rows],
        },
      }),
    );
    const territories = await this.territoryNames();
    const lookups = (refs: Refs) => this.lookups(caller, refs, territories);
    const logReads = (entities: ObjectLiteral[], refs: Refs) =>
      this.logReads(caller, collection, entities, refs);
    async function* batches() {
      for await (const entities of rowsInBatches(source.qb, ids, EXPORT_BATCH)) {
        const refs = sheet.refs(entities);
        const [names] = await Promise.all([lookups(refs), logReads(entities, refs)]);
        yield entities.map((entity) => ({ row: sheet.toRow(entity, caller), names }));
        await nextTurn();
      }
    }
    const columns = sheet.columns(caller);
    const title = sheet.fileName.charAt(0).toUpperCase() + sheet.fileName.slice(1);
    return {
      stream:
        format === 'xlsx' ? xlsxStream(title, columns, batches()) : csvStream(columns, batches()),
      fileName: `${sheet.fileName}-${todayIso()}.${format}`,
      mediaType: MEDIA_TYPES[format],
    };
  }

  /**
   * The access log of a batch: each record of a collection of people, and each person or
   * household the batch names (a pact's beneficiary), before the batch is written out.
   */
  private async logReads(
    caller: Caller,
    collection: ExportCollection,
    entities: ObjectLiteral[],
    refs: Refs,
  ): Promise<void> {
    const read: Partial<Record<LoggedEntity, number[]>> = {
      beneficiaries: refs.beneficiaries,
      households: refs.households,
    };
    if (collection === 'pacts' || collection === 'beneficiaries' || collection === 'households')
      read[collection] = entities.map((e) => Number(e.id));
    await Promise.all(
      Object.entries(read).map(([kind, ids]) =>
        this.accessLog.recordReads(caller, kind as LoggedEntity, ids ?? [], 'export'),
      ),
    );
  }

  private async territoryNames(): Promise<Map<number, string>> {
    const rows = await this.dataSource
      .getRepository(Territory)
      .find({ select: { id: true, name: true } });
    return new Map(rows.map((t) => [t.id, t.name]));
  }

  /**
   * The names a batch's rows refer to, one query per kind of record; people and households
   * only as the caller reads them (in their scope — a maker's closed pact names nobody — and
   * as initials for a manager).
   */
  private async lookups(
    caller: Caller,
    refs: Refs,
    territories: Map<number, string>,
  ): Promise<Lookups> {
    const find = async <T extends ObjectLiteral & { id: number }>(
      entity: new () => T,
      ids: number[] | undefined,
      select: Record<string, true>,
    ): Promise<T[]> =>
      ids?.length
        ? this.dataSource
            .getRepository(entity)
            .find({ where: { id: In(ids) } as never, select: { id: true, ...select } as never })
        : [];
    const inScope = async <T extends ObjectLiteral & { id: number }>(
      entity: new () => T,
      spec: ListSpec,
      kind: 'beneficiaries' | 'households',
      ids: number[] | undefined,
    ): Promise<T[]> =>
      ids?.length
        ? scopedQuery(this.dataSource.getRepository(entity), spec, { caller, kind })
            .andWhere(`${spec.alias}.id IN (:...lookupIds)`, { lookupIds: ids })
            .getMany()
        : [];
    const household = (name: string) => (caller.role === 'MANAGER' ? initials(name) : name);
    const [users, beneficiaries, households, pacts, open] = await Promise.all([
      find(User, refs.users, { fullName: true }),
      inScope(Beneficiary, BENEFICIARY_LIST, 'beneficiaries', refs.beneficiaries),
      inScope(Household, HOUSEHOLD_LIST, 'households', refs.households),
      find(Pact, refs.pacts, { reference: true, status: true }),
      this.openMilestones(refs.openMilestones),
    ]);
    return {
      territories,
      users: new Map(users.map((u) => [u.id, u.fullName])),
      beneficiaries: new Map(beneficiaries.map((b) => [b.id, personName(caller, b)])),
      households: new Map(households.map((h) => [h.id, household(h.name)])),
      pacts: new Map(pacts.map((p) => [p.id, { reference: p.reference, status: p.status }])),
      openMilestones: open,
    };
  }

  /** Milestones still PENDING, counted by pact. */
  private async openMilestones(pactIds: number[] | undefined): Promise<Map<number, number>> {
    if (!pactIds?.length) return new Map();
    const rows = await this.dataSource
      .getRepository(Milestone)
      .createQueryBuilder('m')
      .select('m.pactId', 'pactId')
      .addSelect('COUNT(*)', 'n')
      .where('m.pactId IN (:...pactIds)', { pactIds })
      .andWhere("m.status = 'PENDING'")
      .groupBy('m.pactId')
      .getRawMany<{ pactId: number; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.pactId), Number(r.n)]));
  }
}
