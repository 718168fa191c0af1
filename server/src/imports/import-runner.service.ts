import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldError } from '@generattivi/shared';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import { BeneficiariesService } from '../beneficiaries/beneficiaries.service';
import { CarriedOver, carryOver } from '../common/carried-over';
import { nowIso } from '../common/clock';
import { claimLeasedJob, isoIn } from '../common/job-lease';
import { fieldError } from '../common/error-body';
import { clearPrefetched, PREFETCHED, rememberPrefetched } from '../common/prefetched';
import { UnitOfWork } from '../common/unit-of-work';
import { HouseholdsService } from '../households/households.service';
import { PactAssignmentService } from '../assignments/pact-assignment.service';
import { MilestonesService } from '../milestones/milestones.service';
import { PactTransitionsService } from '../pacts/pact-transitions.service';
import { PactsService } from '../pacts/pacts.service';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';
import { IMPORT_COLUMNS, mapHeader } from './import-columns';
import { chunksOf, openSheet, type SheetRow } from './import-file';
import type { ImportKind } from '@generattivi/shared';
import { ImportJob } from './import-job.entity';
import { pactImporter } from './import-pacts';
import {
  beneficiaryImporter,
  householdImporter,
  type RowContext,
  type RowImporter,
  type RowOutcome,
  type RowResult,
} from './import-rows';
import { cellText, type Cell } from './import-values';

/**
 * How long a runner holds a job without news before another instance may take it. Generous:
 * on SQLite the progress written during a commit stays inside its transaction, unseen by
 * other processes until the end.
 */
const LEASE_MS = 5 * 60_000;
const PROGRESS_MS = 500;
const POLL_MS = 10_000;
/** Rows per turn of the event loop. */
const CHUNK_ROWS = 100;
/** Chunks per rolled-back transaction of a dry run (short, so that other writers get their turn). */
const DRY_RUN_CHUNKS = 5;

/** Ends a transaction without keeping anything: a dry run, or a commit with a row in error. */
class Rollback extends Error {
  constructor() {
    super('rolled back');
  }
}

/**
 * Runs the queued imports in the background, one at a time per instance. A job is claimed
 * with a lease in its row, so that with several instances on one database one of them runs
 * it, and another takes it over if that one stops. A dry run applies the rows in short
 * transactions that are rolled back; a commit applies them all in one transaction, kept only
 * when no row failed. Between chunks of rows the event loop answers other requests. On SQLite
 * these transactions run on a side connection (UnitOfWork.runLong): reads keep answering from
 * the committed state meanwhile, and other writers wait for the lock (past the busy wait, 503
 * DATABASE_BUSY with a Retry-After); the access log spills aside (access-log-spill.ts).
 */
@Injectable()
export class ImportRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ImportRunner.name);
  private readonly instance = randomUUID();
  private readonly importers: Record<ImportKind, RowImporter>;
  private jobs: Promise<void> | undefined;
  private poll: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    beneficiaries: BeneficiariesService,
    households: HouseholdsService,
    pacts: PactsService,
    milestones: MilestonesService,
    assignments: PactAssignmentService,
    transitions: PactTransitionsService,
  ) {
    this.importers = {
      beneficiaries: beneficiaryImporter(beneficiaries),
      households: householdImporter(households),
      pacts: pactImporter({ pacts, milestones, assignments, transitions }),
    };
  }

  onModuleInit(): void {
    this.poll = setInterval(() => this.runJobs(), POLL_MS);
    this.poll.unref();
    this.runJobs();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.poll) clearInterval(this.poll);
    await this.jobs;
  }

  /** Runs the jobs nobody runs, one after the other, unless this process already does. */
  runJobs(): void {
    if (this.jobs || this.stopping) return;
    this.jobs = (async () => {
      let job: ImportJob | undefined;
      while (!this.stopping && (job = await this.claim())) await this.runSafely(job);
    })()
      .catch((e: unknown) => this.logger.error(`import job failed: ${String(e)}`))
      .finally(() => {
        this.jobs = undefined;
      });
  }

  /** Takes a queued job, or one whose runner stopped renewing its lease. */
  private claim(): Promise<ImportJob | undefined> {
    return claimLeasedJob(this.dataSource.getRepository(ImportJob), this.instance, LEASE_MS);
  }

  private async runSafely(job: ImportJob): Promise<void> {
    try {
      await this.run(job);
    } catch (e) {
      this.logger.error(`import ${job.id} failed: ${String(e)}`);
      await this.finish(job, { status: 'FAILED' });
    }
  }

  private async finish(job: ImportJob, changes: Partial<ImportJob>): Promise<void> {
    await this.dataSource
      .getRepository(ImportJob)
      .update(
        { id: job.id, leaseOwner: this.instance },
        { ...changes, leaseOwner: null, leaseUntil: null, finishedAt: nowIso() },
      );
  }

  /** The account that started the job, as a request of theirs would act. */
  private async callerOf(job: ImportJob): Promise<Caller | undefined> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: job.createdById });
    if (!user?.active) return undefined;
    const { id, email, fullName, role, territoryIds } = user;
    return { id, email, fullName, role, territoryIds, jti: '', tokenExpiresAt: 0 };
  }

  private async run(job: ImportJob): Promise<void> {
    const importer = this.importers[job.kind];
    const caller = await this.callerOf(job);
    if (!caller) return this.finish(job, { status: 'FAILED' });
    const bytes = Buffer.from(job.content, 'base64');
    const sheet = await openSheet(bytes, job.format);
    const { positions } = mapHeader(sheet.header, IMPORT_COLUMNS[job.kind]);
    const territories = await this.dataSource.getRepository(Territory).find();
    const seen = new Map<string, number>();
    const results: RowResult[] = [];
    /** Forgets what an attempt of a transaction did from `line` on (before it runs again). */
    const undoFrom = (line: number) => {
      while (results.length && results[results.length - 1].row >= line) results.pop();
      for (const [key, first] of seen) if (first >= line) seen.delete(key);
    };
    let written = Date.now();
    // In the import's transaction on SQLite (another connection would wait for its lock).
    const progress = async (tx: EntityManager, done: number) => {
      if (Date.now() - written < PROGRESS_MS) return;
      written = Date.now();
      await (this.uow.isPostgres ? this.dataSource.manager : tx)
        .getRepository(ImportJob)
        .update(
          { id: job.id, leaseOwner: this.instance },
          { processed: done, leaseUntil: isoIn(LEASE_MS) },
        );
    };
    const territoryById = territories.map((t) => [t.id, t] as const);
    const applyChunk = async (context: RowContext, chunk: SheetRow[]) => {
      const rows = chunk.map((line) => {
        const values = new Map<string, Cell>();
        for (const [field, at] of positions) values.set(field, line.cells[at] ?? null);
        return { line: line.line, values };
      });
      try {
        rememberPrefetched(context.tx, PREFETCHED.territory, territoryById);
        await importer.prefetch?.(
          context,
          rows.map((r) => r.values),
        );
        const outcomes: [number, RowOutcome][] = [];
        for (const { line, values } of rows) {
          const duplicate = this.duplicateOf(job.kind, importer, values, line, seen);
          outcomes.push([line, duplicate ?? (await importer.apply(context, values))]);
        }
        await importer.flush?.(context);
        for (const [line, outcome] of outcomes) results.push({ row: line, ...outcome });
      } finally {
        clearPrefetched(context.tx);
      }
      await progress(context.tx, results.length);
      await yieldToLoop();
    };
    const rolledBack = (e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    };
    if (job.dryRun) {
      // A few chunks per transaction, read before it starts (it may run again); what the
      // rows of one transaction did that later rows see in a commit is carried to the next.
      const carried = new CarriedOver();
      const chunks = chunksOf(sheet.rows, CHUNK_ROWS);
      for (;;) {
        const group: SheetRow[][] = [];
        while (group.length < DRY_RUN_CHUNKS) {
          const next = await chunks.next();
          if (next.done) break;
          group.push(next.value);
        }
        if (!group.length) break;
        await this.uow
          .runLong(async (tx) => {
            undoFrom(group[0][0].line);
            carried.discard();
            try {
              await carryOver(tx, carried);
              for (const chunk of group) await applyChunk({ tx, caller, territories }, chunk);
            } finally {
              await carryOver(tx, undefined);
            }
            throw new Rollback();
          })
          .catch(rolledBack);
        carried.settle();
      }
    } else {
      // All in one transaction; the file read again if it has to run again.
      let unread: AsyncGenerator<SheetRow> | undefined = sheet.rows;
      await this.uow
        .runLong(async (tx) => {
          const rows = unread ?? (await openSheet(bytes, job.format)).rows;
          unread = undefined;
          undoFrom(0);
          for await (const chunk of chunksOf(rows, CHUNK_ROWS))
            await applyChunk({ tx, caller, territories }, chunk);
          if (results.some((r) => r.status === 'error')) throw new Rollback();
        })
        .catch(rolledBack);
    }
    const count = (status: RowResult['status']) =>
      results.filter((r) => r.status === status).length;
    await this.finish(job, {
      status: 'DONE',
      processed: results.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('error'),
      results: JSON.stringify(results),
    });
  }

  /** The row's error when its key was on an earlier row of the file; records it otherwise. */
  private duplicateOf(
    kind: ImportKind,
    importer: RowImporter,
    values: Map<string, Cell>,
    line: number,
    seen: Map<string, number>,
  ): RowResult | undefined {
    const key = cellText(values.get(importer.keyField) ?? null).toUpperCase();
    if (key === '') return undefined;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, line);
      return undefined;
    }
    const column = IMPORT_COLUMNS[kind].find((c) => c.field === importer.keyField);
    const error: FieldError = fieldError(
      'IMPORT_DUPLICATE_ROW',
      { line: first },
      `is already on row ${first} of the file`,
    );
    return { row: line, status: 'error', errors: { [column?.header ?? '']: error } };
  }
}
