import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { AppConfig, CONFIG } from '../config/config';
import { nowIso } from '../common/clock';
import { claimLeasedJob, isoIn } from '../common/job-lease';
import { readRawMany } from '../database/sqlite-reader';
import { ChainPosition, checkChain } from './audit-chain';
import { AuditAnchor } from './audit-anchor';
import { AuditKeyring } from './audit-keyring';
import { JobLease } from '../database/job-lease.entity';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { AuditEvent } from './audit-event.entity';
import { GENESIS_HASH } from './audit-hash';
import { AuditVerifyJob, VerifyJobStatus } from './audit-verify-job.entity';

/**
 * Why a verify says invalid: the seal of the unkeyed past missing or not made with this
 * AUDIT_KEY; the checkpoint's event changed; an event whose hash does not fit; a line of
 * the anchor file edited; an anchored event missing or changed; the chain ending before the
 * last anchored event (its tail removed).
 */
export type InvalidReason =
  | 'SEAL_MISSING'
  | 'SEAL_ALTERED'
  | 'CHECKPOINT_ALTERED'
  | 'HASH_MISMATCH'
  | 'ANCHOR_ALTERED'
  | 'ANCHORED_EVENT_ALTERED'
  | 'TAIL_REMOVED';

export interface Verification {
  valid: boolean;
  /** Present when not valid. */
  reason?: InvalidReason;
  /** Events of the chain confirmed from genesis (through the checkpoint and after it). */
  checked: number;
  firstInvalidId?: number;
  /** The last event when the chain holds. */
  head?: { id: number; hash: string; at: string };
  /** The checkpoint this run started from; absent when it started from genesis. */
  from?: { id: number; checked: number };
}

export interface VerifyJobView {
  id: number;
  status: VerifyJobStatus;
  checked: number;
  total: number;
  valid?: boolean;
  firstInvalidId?: number;
  createdAt: string;
  finishedAt?: string;
}

/** How long a job's runner holds it without news before another instance may take it. */
const LEASE_MS = 30_000;
/** How often the progress (and the lease) is written while a job runs. */
const PROGRESS_MS = 500;
/** How often an instance looks for a job that nobody runs (queued, or its lease expired). */
const POLL_MS = 10_000;
/** How often one of the instances (the lease holder) verifies and anchors the head. */
const ANCHOR_EVERY_MS = 5 * 60_000;

function jobView(job: AuditVerifyJob): VerifyJobView {
  return {
    id: job.id,
    status: job.status,
    checked: job.checked,
    total: Math.max(job.total, job.checked),
    ...(job.valid !== null ? { valid: Boolean(job.valid) } : {}),
    ...(job.firstInvalidId !== null ? { firstInvalidId: job.firstInvalidId } : {}),
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
  };
}

/**
 * Verification of the audit chain at scale. The verify request checks only what came after
 * the last checkpoint (plus a margin of the newest events), never the whole history; the
 * full re-check from genesis is a background job whose state lives in the database.
 */
@Injectable()
export class AuditVerifyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditVerifyService.name);
  /** This process, as a lease owner. */
  private readonly instance = randomUUID();
  private running: Promise<Verification> | undefined;
  private jobs: Promise<void> | undefined;
  private poll: NodeJS.Timeout | undefined;
  private anchoring: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly anchor: AuditAnchor | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly keyring: AuditKeyring,
  ) {
    this.anchor = config.auditAnchorPath
      ? new AuditAnchor(config.auditAnchorPath, keyring.anchorKey)
      : undefined;
  }

  onModuleInit(): void {
    this.poll = setInterval(() => this.runJobs(), POLL_MS);
    this.poll.unref();
    this.runJobs();
    if (!this.anchor) return;
    this.anchoring = setInterval(() => {
      this.anchorHead().catch((e: unknown) =>
        this.logger.warn(`audit anchoring failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, ANCHOR_EVERY_MS);
    this.anchoring.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.poll) clearInterval(this.poll);
    if (this.anchoring) clearInterval(this.anchoring);
    await this.jobs;
  }

  /**
   * The periodic anchoring: the instance that takes the lease of this period verifies
   * (which anchors the head when the chain holds); the others skip the period.
   */
  async anchorHead(): Promise<void> {
    const leases = this.dataSource.getRepository(JobLease);
    const name = 'audit-anchor';
    await leases.createQueryBuilder().insert().values({ name }).orIgnore().execute();
    const taken = await leases
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: this.instance, leaseUntil: isoIn(ANCHOR_EVERY_MS - 1000) })
      .where('name = :name', { name })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now: nowIso() })
      .execute();
    if (taken.affected === 1) await this.verify();
  }

  /** Concurrent calls share one run. */
  verify(): Promise<Verification> {
    this.running ??= this.verifyFromCheckpoint().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * From the last checkpoint (once its event is confirmed to carry the hash recorded) to the
   * head; then a new checkpoint `auditVerifyMargin` events behind the head, so that the
   * newest events are always re-hashed.
   */
  private async verifyFromCheckpoint(): Promise<Verification> {
    const hasher = await this.keyring.hasher();
    if ('problem' in hasher) return { valid: false, reason: hasher.problem, checked: 0 };
    const events = this.dataSource.getRepository(AuditEvent);
    const checkpoints = this.dataSource.getRepository(AuditCheckpoint);
    const [checkpoint] = await checkpoints.find({ order: { eventId: 'DESC' }, take: 1 });
    const from = checkpoint ? { id: checkpoint.eventId, checked: checkpoint.checked } : undefined;
    if (checkpoint) {
      const event = await events.findOne({
        where: { id: checkpoint.eventId },
        select: { id: true, hash: true },
      });
      // Changed or gone: what came before it can no longer be trusted; the full job locates
      // the first break.
      if (event?.hash !== checkpoint.hash) {
        return {
          valid: false,
          reason: 'CHECKPOINT_ALTERED',
          checked: 0,
          firstInvalidId: checkpoint.eventId,
          from,
        };
      }
    }
    const start: ChainPosition = checkpoint
      ? { afterId: checkpoint.eventId, prevHash: checkpoint.hash, checked: checkpoint.checked }
      : { afterId: 0, prevHash: GENESIS_HASH, checked: 0 };
    const boundaries: ChainPosition[] = [];
    const result = await checkChain(events, start, hasher.hash, {
      onChunk: (at) => {
        boundaries.push(at);
      },
    });
    const origin = from ? { from } : {};
    if (!result.valid) {
      return {
        valid: false,
        reason: 'HASH_MISMATCH',
        checked: result.checked,
        firstInvalidId: result.firstInvalidId,
        ...origin,
      };
    }
    const limit = result.checked - this.config.auditVerifyMargin;
    const next = boundaries.filter((b) => b.checked <= limit).pop();
    if (next && next.checked > start.checked) {
      await checkpoints
        .createQueryBuilder()
        .insert()
        .values({ eventId: next.afterId, hash: next.prevHash, checked: next.checked, at: nowIso() })
        .orIgnore()
        .execute();
    }
    const head = result.last ?? (checkpoint ? await this.eventHead(checkpoint.eventId) : undefined);
    const anchored = await this.anchor?.compare(this.dataSource, head);
    if (anchored) return { valid: false, checked: result.checked, ...anchored, ...origin };
    if (head) await this.anchor?.record(head);
    return { valid: true, checked: result.checked, ...(head ? { head } : {}), ...origin };
  }

  private async eventHead(id: number): Promise<Verification['head']> {
    const e = await this.dataSource.getRepository(AuditEvent).findOneBy({ id });
    return e ? { id: e.id, hash: e.hash, at: e.at } : undefined;
  }

  /**
   * Events in the chain: through the last checkpoint, counting only what came after it. The
   * count runs in the SQLite reader thread: with no checkpoint yet it covers the whole chain.
   */
  private async countEvents(): Promise<number> {
    const [checkpoint] = await this.dataSource
      .getRepository(AuditCheckpoint)
      .find({ order: { eventId: 'DESC' }, take: 1 });
    const [row] = await readRawMany<{ n: number | string }>(
      this.dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('e')
        .select('COUNT(*)', 'n')
        .where('e.id > :after', { after: checkpoint?.eventId ?? 0 }),
    );
    return (checkpoint?.checked ?? 0) + Number(row?.n ?? 0);
  }

  /** Starts a full re-check, or gives the one already queued or running. */
  async startJob(requestedBy: number): Promise<VerifyJobView> {
    const jobs = this.dataSource.getRepository(AuditVerifyJob);
    let job = await jobs.findOne({
      where: { status: In(['QUEUED', 'RUNNING']) },
      order: { id: 'ASC' },
    });
    if (!job) {
      job = await jobs.save(
        jobs.create({
          status: 'QUEUED',
          requestedBy,
          checked: 0,
          total: await this.countEvents(),
          lastId: 0,
          lastHash: GENESIS_HASH,
          valid: null,
          firstInvalidId: null,
          leaseOwner: null,
          leaseUntil: null,
          createdAt: nowIso(),
          finishedAt: null,
        }),
      );
    }
    this.runJobs();
    return jobView(job);
  }

  async job(id: number): Promise<VerifyJobView> {
    const job = await this.dataSource.getRepository(AuditVerifyJob).findOneBy({ id });
    if (!job) throw new NotFoundError('audit-events/verify-jobs', id);
    return jobView(job);
  }

  /** Runs the jobs nobody runs, one after the other, unless this process already does. */
  private runJobs(): void {
    if (this.jobs || this.stopping) return;
    this.jobs = (async () => {
      let job: AuditVerifyJob | undefined;
      while (!this.stopping && (job = await this.claim())) await this.run(job);
    })()
      .catch((e: unknown) => this.logger.error(`audit verify job failed: ${String(e)}`))
      .finally(() => {
        this.jobs = undefined;
      });
  }

  /** Takes a queued job, or one whose runner stopped renewing its lease. */
  private claim(): Promise<AuditVerifyJob | undefined> {
    return claimLeasedJob(this.dataSource.getRepository(AuditVerifyJob), this.instance, LEASE_MS);
  }

  private async run(job: AuditVerifyJob): Promise<void> {
    const jobs = this.dataSource.getRepository(AuditVerifyJob);
    const mine = { id: job.id, leaseOwner: this.instance };
    let written = Date.now();
    const hasher = await this.keyring.hasher();
    if ('problem' in hasher) {
      await jobs.update(mine, {
        status: 'DONE',
        valid: false,
        leaseOwner: null,
        leaseUntil: null,
        finishedAt: nowIso(),
      });
      return;
    }
    const result = await checkChain(
      this.dataSource.getRepository(AuditEvent),
      { afterId: job.lastId, prevHash: job.lastHash, checked: job.checked },
      hasher.hash,
      {
        onChunk: async (at) => {
          if (this.stopping) return false;
          if (Date.now() - written < PROGRESS_MS) return true;
          written = Date.now();
          const renewed = await jobs.update(mine, {
            checked: at.checked,
            lastId: at.afterId,
            lastHash: at.prevHash,
            leaseUntil: isoIn(LEASE_MS),
          });
          return renewed.affected === 1; // another instance took it over: it goes on
        },
      },
    );
    if (this.stopping && result.valid) return; // the lease expires; another run resumes
    await jobs.update(mine, {
      status: 'DONE',
      checked: result.checked,
      ...(result.last ? { lastId: result.last.id, lastHash: result.last.hash } : {}),
      valid: result.valid,
      firstInvalidId: result.firstInvalidId ?? null,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: nowIso(),
    });
  }
}
