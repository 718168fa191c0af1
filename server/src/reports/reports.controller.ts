import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Expensive } from '../common/admission';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { FRESHNESS } from '../common/result-cache';
import { ReportAnswer, ReportAnswers } from './report-answers';
import { ReportQueryDto } from './reports.dto';

/** The report as JSON, or its CSV as a download. */
function send<T>(reply: FastifyReply, answer: ReportAnswer<T>): T | string {
  if ('report' in answer) return answer.report;
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${answer.filename}"`);
  return answer.csv;
}

@ApiTags('reports')
@ApiBearerAuth()
@Expensive()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportAnswers) {}

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
    return send(reply, await this.reports.outcomes(caller, q, accept));
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
    return send(reply, await this.reports.caseload(caller, q, accept));
  }
}
