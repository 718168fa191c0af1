import { createParamDecorator, ExecutionContext, Get, Query } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { AggregateController, CachedRoute } from '../common/routes';
import { ReportAnswer, ReportAnswers } from './report-answers';
import { ReportQueryDto } from './reports.dto';

/** How a report was asked for (the `Accept` header), and the reply a CSV download goes by. */
interface Asked {
  accept: string | undefined;
  reply: FastifyReply;
}

const Asked = createParamDecorator((_: unknown, ctx: ExecutionContext): Asked => {
  const http = ctx.switchToHttp();
  return {
    accept: http.getRequest<FastifyRequest>().headers.accept,
    reply: http.getResponse<FastifyReply>(),
  };
});

/** The report as JSON, or its CSV as a download. */
function send<T>({ reply }: Asked, answer: ReportAnswer<T>): T | string {
  if ('report' in answer) return answer.report;
  void reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${answer.filename}"`);
  return answer.csv;
}

const SUMMARIES = {
  outcomes:
    'Per territory × type: counts by status, completion rate (completed / closed), outcome breakdown, median duration in days, share of milestones achieved by their due date. Scoped to the caller.',
  caseload:
    'Per social worker and per community maker: open pacts by status, awaiting approval, overdue milestones (none while a pact is SUSPENDED: its clock is paused), active pacts without a diary note for 30 days, pacts ending within 30 days. A community maker gets their own caseload.',
};

/** `GET /reports/<name>`: a report, as JSON or CSV, answered through the result cache. */
const Report = (name: keyof typeof SUMMARIES) =>
  CachedRoute(
    SUMMARIES[name],
    Get(name),
    Can('reports', 'show'),
    ApiProduces('application/json', 'text/csv'),
  );

@AggregateController('reports')
export class ReportsController {
  constructor(private readonly reports: ReportAnswers) {}

  @Report('outcomes')
  async outcomes(@CurrentUser() caller: Caller, @Query() q: ReportQueryDto, @Asked() asked: Asked) {
    return send(asked, await this.reports.outcomes(caller, q, asked.accept));
  }

  @Report('caseload')
  async caseload(@CurrentUser() caller: Caller, @Query() q: ReportQueryDto, @Asked() asked: Asked) {
    return send(asked, await this.reports.caseload(caller, q, asked.accept));
  }
}
