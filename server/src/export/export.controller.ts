import { applyDecorators, Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  PickType,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { Expensive } from '../common/admission';
import { ListQueryDto } from '../common/list-endpoint';
import { ExportCollection, ExportService } from './export.service';
import { EXPORT_FORMATS, MEDIA_TYPES, type ExportFormat } from './export-writers';

/** The list's `filter` and `sort`, and the file's format. */
export class ExportQueryDto extends PickType(ListQueryDto, ['filter', 'sort'] as const) {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

const MEDIA = Object.values(MEDIA_TYPES).map((type) => type.split(';')[0]);

/** `GET /<collection>/export`: who may export it, and its OpenAPI description. */
const ExportRoute = (collection: ExportCollection, what: string) =>
  applyDecorators(
    Get(`${collection}/export`),
    Can(collection, 'export'),
    ApiTags(collection),
    ApiProduces(...MEDIA),
    ApiOperation({
      summary: `${what} as a spreadsheet to open in Excel (CSV or XLSX), with the list’s filter and sort`,
      description: `Scoped and masked as \`GET /${collection}\`. CSV: UTF-8 with BOM, \`;\`, CRLF, Italian headings, names instead of ids, dates dd/mm/yyyy (instants as their day in Europe/Rome), amounts 9.360,00, statuses in Italian, Sì/No, cells that a spreadsheet would read as a formula start with an apostrophe. XLSX: the same columns, dates and amounts as typed cells, the heading bold and frozen. At most 100,000 rows (EXPORT_MAX_ROWS): more is a 422 EXPORT_TOO_LARGE. Each export is an audit event (action \`export\`).`,
    }),
    ApiOkResponse({
      description: 'The file, as an attachment (e.g. patti-2026-12-06.csv)',
      content: Object.fromEntries(
        MEDIA.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );

@ApiBearerAuth()
@Expensive()
@Controller()
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @ExportRoute('pacts', 'The pacts')
  pacts(
    @CurrentUser() caller: Caller,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send('pacts', caller, query, reply);
  }

  @ExportRoute('beneficiaries', 'The beneficiaries (not for community makers)')
  beneficiaries(
    @CurrentUser() caller: Caller,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send('beneficiaries', caller, query, reply);
  }

  @ExportRoute('households', 'The households (not for community makers)')
  households(
    @CurrentUser() caller: Caller,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send('households', caller, query, reply);
  }

  @ExportRoute('milestones', 'The milestones')
  milestones(
    @CurrentUser() caller: Caller,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send('milestones', caller, query, reply);
  }

  @ExportRoute('notes', 'The diary notes')
  notes(
    @CurrentUser() caller: Caller,
    @Query() query: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send('notes', caller, query, reply);
  }

  private async send(
    collection: ExportCollection,
    caller: Caller,
    query: ExportQueryDto,
    reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exports.open(collection, caller, query);
    void reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(file.stream, {
      type: file.mediaType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
