import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  italianErrorMessage,
  type FieldError,
  type ImportKind,
  type ImportRecord,
} from '@generattivi/shared';
import { Repository } from 'typeorm';
import type { Caller } from '../auth/caller';
import { nowIso } from '../common/clock';
import { DomainError, FieldsError } from '../common/domain-error';
import { italianCsv } from '../common/italian-csv';
import { exceljs } from '../common/on-first-use';
import { IMPORT_COLUMNS, mapHeader } from './import-columns';
import { IMPORT_FILE_DAYS } from './import-files';
import {
  formatOf,
  INSTRUCTIONS_SHEET,
  surveySheet,
  TooManyRowsError,
  UnzippedTooLargeError,
  withOutcomes,
} from './import-file';
import { ImportJob, type ImportFormat } from './import-job.entity';
import type { RowResult, RowStatus } from './import-rows';
import { UnitOfWork } from '../common/unit-of-work';
import { ImportRunner } from './import-runner.service';
import { IMPORT_MAX_ROWS, ImportTooLargeError, type ImportUpload } from './import-upload';

/** An import as the API shows it (shared `ImportRecord`). */
export type ImportView = ImportRecord;

function importView(job: ImportJob): ImportView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dryRun: Boolean(job.dryRun),
    committed: job.status === 'DONE' && !job.dryRun && job.failed === 0,
    fileName: job.fileName,
    rows: job.rows,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    failed: job.failed,
    warnings: job.warnings ? (JSON.parse(job.warnings) as FieldError[]) : [],
    results: job.results ? (JSON.parse(job.results) as RowResult[]) : [],
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

/** The outcome of a row in the «Esito» column, in Italian. */
function outcomeText(result: RowResult, dryRun: boolean): string {
  const words: Record<RowStatus, string> = dryRun
    ? { created: 'da creare', updated: 'da aggiornare', unchanged: 'invariato', error: 'errore' }
    : { created: 'creato', updated: 'aggiornato', unchanged: 'invariato', error: 'errore' };
  const errors = Object.entries(result.errors ?? {}).map(
    ([column, e]) => `${column ? `${column}: ` : ''}${italianErrorMessage(e)}`,
  );
  return [words[result.status], ...errors].join(' — ');
}

export const MEDIA_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Spreadsheet imports: a job per upload (its file, progress and report in the database), run
 * in the background by ImportRunner; the report as the same file with an «Esito» column; the
 * templates of each kind.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly runner: ImportRunner,
    private readonly uow: UnitOfWork,
  ) {}

  /**
   * Reads the file enough to refuse at once what cannot be imported (unreadable, too many
   * rows, required columns missing, no rows), then queues the job.
   */
  async start(caller: Caller, upload: ImportUpload): Promise<ImportView> {
    const format = formatOf(upload.bytes);
    const sheet = await surveySheet(upload.bytes, format, IMPORT_MAX_ROWS).catch((e: unknown) => {
      if (e instanceof TooManyRowsError) throw new ImportTooLargeError();
      if (e instanceof UnzippedTooLargeError)
        throw new DomainError(
          413,
          'IMPORT_UNZIPPED_TOO_LARGE',
          { maxBytes: e.maxBytes },
          `file: unzips to more than ${e.maxBytes} bytes; split it into several files`,
        );
      throw new DomainError(400, 'IMPORT_UNREADABLE', {}, `file: cannot be read (${String(e)})`);
    });
    const header = mapHeader(sheet.header, IMPORT_COLUMNS[upload.kind]);
    if (Object.keys(header.missing).length) throw new FieldsError(header.missing);
    const { rows } = sheet;
    if (rows === 0) throw new DomainError(400, 'IMPORT_NO_ROWS', {}, 'file: holds no rows');
    // In a unit of work: while an import commits, it waits for the lock without holding the
    // event loop (then 503 DATABASE_BUSY), as any write.
    const job = await this.uow.run((tx) =>
      tx.save(
        tx.create(ImportJob, {
          kind: upload.kind,
          status: 'QUEUED',
          dryRun: upload.dryRun,
          createdById: caller.id,
          fileName: upload.fileName,
          format,
          content: upload.bytes.toString('base64'),
          rows,
          processed: 0,
          created: 0,
          updated: 0,
          unchanged: 0,
          failed: 0,
          results: null,
          warnings: JSON.stringify(header.warnings),
          leaseOwner: null,
          leaseUntil: null,
          createdAt: nowIso(),
          finishedAt: null,
        }),
      ),
    );
    this.runner.runJobs();
    return importView(job);
  }

  /** A job of the caller's (the administrator sees every one), else 404. */
  private async job(caller: Caller, id: number): Promise<ImportJob> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || (job.createdById !== caller.id && caller.role !== 'ADMIN'))
      throw new DomainError(404, 'IMPORT_NOT_FOUND', { id }, `imports ${id} not found`);
    return job;
  }

  async view(caller: Caller, id: number): Promise<ImportView> {
    return importView(await this.job(caller, id));
  }

  /** The uploaded file plus «Esito», in its own format. */
  async report(caller: Caller, id: number) {
    const job = await this.job(caller, id);
    if (job.status !== 'DONE')
      throw new DomainError(
        409,
        'IMPORT_NOT_FINISHED',
        { status: job.status },
        `the import is ${job.status}: its report is ready once it is DONE`,
      );
    if (job.content === '')
      throw new DomainError(
        409,
        'IMPORT_FILE_ERASED',
        { days: IMPORT_FILE_DAYS },
        `the file of import ${id} was erased (kept ${IMPORT_FILE_DAYS} days, or until a person in it is anonymised)`,
      );
    const results = job.results ? (JSON.parse(job.results) as RowResult[]) : [];
    const outcomes = new Map(results.map((r) => [r.row, outcomeText(r, Boolean(job.dryRun))]));
    const stream = await withOutcomes(Buffer.from(job.content, 'base64'), job.format, outcomes);
    const base = job.fileName.replace(/\.(csv|xlsx|txt)$/i, '');
    return { stream, format: job.format, fileName: `${base}-esito.${job.format}` };
  }

  /** The headings, a sample row and (XLSX) the sheet «Istruzioni». */
  async template(kind: ImportKind, format: ImportFormat) {
    const columns = IMPORT_COLUMNS[kind];
    const fileName = `modello-${kind}.${format}`;
    if (format === 'csv') {
      const csv = italianCsv(
        columns.map((c) => c.header),
        [columns.map((c) => c.sample)],
      );
      return { bytes: Buffer.from(csv, 'utf8'), fileName };
    }
    const workbook = new (exceljs().Workbook)();
    const data = workbook.addWorksheet('Dati', { views: [{ state: 'frozen', ySplit: 1 }] });
    data.columns = columns.map((c) => ({
      header: c.header,
      width: Math.max(c.header.length + 4, 14),
    }));
    data.getRow(1).font = { bold: true };
    data.addRow(columns.map((c) => c.sample));
    const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
    help.columns = [
      { header: 'Colonna', width: 28 },
      { header: 'Obbligatoria', width: 14 },
      { header: 'Che cosa scrivere', width: 90 },
      { header: 'Esempio', width: 24 },
    ];
    help.getRow(1).font = { bold: true };
    for (const c of columns) help.addRow([c.header, c.required ? 'Sì' : 'No', c.help, c.sample]);
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), fileName };
  }
}
