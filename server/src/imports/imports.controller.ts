import { Controller, Get, HttpCode, Param, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Can } from '../auth/access.decorators';
import { Caller, CurrentUser } from '../auth/caller';
import { DomainError } from '../common/domain-error';
import { Route } from '../common/routes';
import { attachmentDisposition } from '../documents/file-name';
import { IMPORT_KINDS, type ImportKind } from '@generattivi/shared';
import type { ImportFormat } from './import-job.entity';
import { readImportUpload } from './import-upload';
import { ImportsService, MEDIA_TYPES } from './imports.service';

const FORMATS: ImportFormat[] = ['csv', 'xlsx'];

const fileAnswer = (
  file: { bytes: Buffer; fileName: string } | { stream: Readable; fileName: string },
  format: ImportFormat,
) => {
  const options = { type: MEDIA_TYPES[format], disposition: attachmentDisposition(file.fileName) };
  return 'stream' in file
    ? new StreamableFile(file.stream, options)
    : new StreamableFile(file.bytes, { ...options, length: file.bytes.length });
};

const FILE_CONTENT = {
  content: Object.fromEntries(
    Object.values(MEDIA_TYPES).map((type) => [
      type,
      { schema: { type: 'string', format: 'binary' } },
    ]),
  ),
};

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Route.create(
    'imports',
    'Imports a spreadsheet (multipart: file, kind = beneficiaries|households|pacts, dryRun default true) as a background job: 202 with the job ({id, status, dryRun, rows, created, updated, unchanged, failed, results}); poll GET /imports/:id. CSV (; or ,, UTF-8 with or without BOM, or Windows-1252) or XLSX with the template’s Italian headings; every row goes through the same validation, scoping and audit as the API; a commit is all or nothing. People are keyed by fiscal code, households and pacts by «Codice esterno». Pacts: the person by fiscal code and the household by external code (in the importer’s scope), the social worker and community maker by email, up to 5 milestones («Tappa N – titolo», «Tappa N – scadenza»; matched by title on a re-import: a new title is added, a known one’s due date updated); «Stato» Bozza (DRAFT, saved even while an eligibility rule fails, as POST /pacts) or Attivo (ACTIVE: a pact already running, signed on paper: it moves DRAFT → ACTIVE in the same transaction under the approval’s requirements and eligibility on its start date, without the signed copy, audited as a transition with that reason; a re-import may turn a DRAFT into ACTIVE, never back). A row refused halfway leaves nothing for the rows after it (a savepoint per row). Over 20 MiB or 50,000 rows: 413 IMPORT_TOO_LARGE; an XLSX unzipping to over 200 MiB (or its shared strings to over 32 MiB): 413 IMPORT_UNZIPPED_TOO_LARGE; a required column missing: 400 naming it (with the heading that looks like it)',
  )
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        kind: { type: 'string', enum: [...IMPORT_KINDS] },
        dryRun: { type: 'boolean', default: true },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  async create(@CurrentUser() caller: Caller, @Req() request: FastifyRequest) {
    return this.imports.start(caller, await readImportUpload(request));
  }

  @Get('templates/:kind')
  @Can('imports', 'create')
  @ApiOperation({
    summary:
      'The template of an import: the Italian headings and a sample row; the XLSX also has a sheet «Istruzioni» explaining each column. CSV as Excel in Italian opens it (UTF-8 BOM, ;)',
  })
  @ApiParam({ name: 'kind', enum: IMPORT_KINDS })
  @ApiQuery({ name: 'format', enum: FORMATS, required: false })
  @ApiProduces(...Object.values(MEDIA_TYPES))
  @ApiOkResponse({ description: 'The template', ...FILE_CONTENT })
  async template(@Param('kind') kind: string, @Query('format') format = 'csv') {
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new DomainError(404, 'IMPORT_NOT_FOUND', { id: kind }, `no import of kind ${kind}`);
    if (!(FORMATS as string[]).includes(format))
      throw new DomainError(400, 'BAD_REQUEST', {}, 'format: must be csv or xlsx');
    const f = format as ImportFormat;
    return fileAnswer(await this.imports.template(kind as ImportKind, f), f);
  }

  @Route.show(
    'imports',
    'An import started by the caller (any, for the administrator): status QUEUED → RUNNING → DONE (or FAILED), progress (processed of rows), totals and, once DONE, the report row by row',
  )
  one(@CurrentUser() caller: Caller, @Route.id() id: number) {
    return this.imports.view(caller, id);
  }

  @Get(':id/report')
  @Can('imports', 'show')
  @ApiOperation({
    summary:
      'The uploaded file with one more column, «Esito», giving each row’s outcome and errors in Italian (same format); 409 until the import is DONE',
  })
  @ApiProduces(...Object.values(MEDIA_TYPES))
  @ApiOkResponse({ description: 'The file with «Esito»', ...FILE_CONTENT })
  async report(@CurrentUser() caller: Caller, @Route.id() id: number) {
    const report = await this.imports.report(caller, id);
    return fileAnswer(report, report.format);
  }
}
