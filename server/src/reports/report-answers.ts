import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { scopeKey } from '../auth/scope';
import { ResultCache } from '../common/result-cache';
import { UnitOfWork } from '../common/unit-of-work';
import { caseloadCsv, outcomesCsv } from './reports.csv';
import type { ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { Territory } from '../territories/territory.entity';

/** The names of the downloaded files, in Italian. */
const FILENAMES: Record<string, string> = {
  outcomes: 'esiti.csv',
  caseload: 'carico-di-lavoro.csv',
  socialWorkers: 'carico-assistenti-sociali.csv',
  communityMakers: 'carico-community-maker.csv',
};

/** A report as asked for: the JSON table, or the same as a CSV file to download. */
export type ReportAnswer<T> = { report: T } | { csv: string; filename: string };

/**
 * The reports as the API serves them: from the result cache (keyed by the caller's scope and
 * the filters), as JSON or, when asked by `format=csv` or `Accept: text/csv`, as CSV — a
 * download is an export, written to the audit trail.
 */
@Injectable()
export class ReportAnswers {
  constructor(
    private readonly reports: ReportsService,
    private readonly cache: ResultCache,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  outcomes(caller: Caller, q: ReportQueryDto, accept?: string) {
    return this.answer(
      'outcomes',
      caller,
      q,
      accept,
      () => this.reports.outcomes(caller, q),
      async (r) => {
        const territories = await this.dataSource
          .getRepository(Territory)
          .find({ select: { id: true, name: true } });
        const names = new Map(territories.map((t) => [t.id, t.name]));
        return outcomesCsv(r.rows, (id) => names.get(id) ?? String(id));
      },
    );
  }

  caseload(caller: Caller, q: ReportQueryDto, accept?: string) {
    return this.answer(
      'caseload',
      caller,
      q,
      accept,
      () => this.reports.caseload(caller, q),
      (report) => caseloadCsv(report, q.table),
    );
  }

  private async answer<T>(
    name: string,
    caller: Caller,
    q: ReportQueryDto,
    accept: string | undefined,
    compute: () => Promise<T>,
    toCsv: (report: T) => string | Promise<string>,
  ): Promise<ReportAnswer<T>> {
    const { territoryId, type, from, to } = q;
    const key = `report:${name}:${scopeKey(caller)}:${JSON.stringify([territoryId, type, from, to])}`;
    const report = await this.cache.get(key, compute);
    const wantsCsv =
      q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
    if (!wantsCsv) return { report };
    await this.uow.run((tx) =>
      this.audit.append(tx, {
        actorId: caller.id,
        action: 'export',
        entityType: 'reports',
        entityId: null,
        changes: {
          report: [null, name],
          filters: [null, { territoryId, type, from, to, table: q.table }],
        },
      }),
    );
    return { csv: await toCsv(report), filename: FILENAMES[q.table ?? name] };
  }
}
