import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Expensive } from '../common/admission';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { FRESHNESS, ResultCache } from '../common/result-cache';
import { UnitOfWork } from '../common/unit-of-work';
import { caseloadCsv, outcomesCsv } from './reports.csv';
import { ReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Expensive()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly cache: ResultCache,
  ) {}

  private static cacheKey(name: string, caller: Caller, q: ReportQueryDto): string {
    const { territoryId, type, from, to } = q;
    return `report:${name}:${ResultCache.scopeKey(caller)}:${JSON.stringify([territoryId, type, from, to])}`;
  }

  private static wantsCsv(q: ReportQueryDto, accept?: string): boolean {
    return q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/.test(accept ?? ''));
  }

  /** A CSV download is an export: it is written to the audit trail. */
  private async sendCsv(
    reply: FastifyReply,
    caller: Caller,
    name: string,
    q: ReportQueryDto,
    csv: string,
  ): Promise<string> {
    await this.uow.run((tx) =>
      this.audit.append(tx, {
        actorId: caller.id,
        action: 'export',
        entityType: 'reports',
        entityId: null,
        changes: {
          report: [null, name],
          filters: [null, { territoryId: q.territoryId, type: q.type, from: q.from, to: q.to }],
        },
      }),
    );
    // The reply is thenable (it settles once sent); header() itself is synchronous.
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`);
    return csv;
  }

  @Get('outcomes')
  @Can('reports', 'show')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    description: FRESHNESS,
    summary:
      'Per territory × type: counts by status, completion rate (completed / closed), outcome breakdown, median duration in days, share of milestones achieved by their due date. Scoped to the caller.',
  })
  async outcomes(
    @CurrentUser() caller: Caller,
    @Query() q: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.cache.get(ReportsController.cacheKey('outcomes', caller, q), () =>
      this.reports.outcomes(caller, q),
    );
    return ReportsController.wantsCsv(q, accept)
      ? this.sendCsv(reply, caller, 'outcomes', q, outcomesCsv(report.rows))
      : report;
  }

  @Get('caseload')
  @Can('reports', 'show')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    description: FRESHNESS,
    summary:
      'Per social worker and per community maker: open pacts by status, awaiting approval, overdue milestones (none while a pact is SUSPENDED: its clock is paused), active pacts without a diary note for 30 days, pacts ending within 30 days. A community maker gets their own caseload.',
  })
  async caseload(
    @CurrentUser() caller: Caller,
    @Query() q: ReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const report = await this.cache.get(ReportsController.cacheKey('caseload', caller, q), () =>
      this.reports.caseload(caller, q),
    );
    return ReportsController.wantsCsv(q, accept)
      ? this.sendCsv(reply, caller, 'caseload', q, caseloadCsv(report))
      : report;
  }
}
