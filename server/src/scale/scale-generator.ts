import {
  defaultDigestFrequency,
  evaluateEligibility,
  OUTCOMES_BY_TYPE,
  pactProgress,
  TERMINATION_CODES,
  type EligibilityEvaluation,
  type EmploymentStatus,
  type MilestoneStatus,
  type NoteKind,
  type PactStatus,
  type PactType,
  type Role,
  type TerritoryCode,
} from '@generattivi/shared';
import type { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { toFullBeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import type { CivicCenter } from '../civic-centers/civic-center.entity';
import { toCivicCenterRecord } from '../civic-centers/civic-center.record';
import type { CommunityLab } from '../community-labs/community-lab.entity';
import { toCommunityLabRecord } from '../community-labs/community-lab.record';
import type { Household } from '../households/household.entity';
import { toHouseholdRecord } from '../households/household.record';
import type { Milestone } from '../milestones/milestone.entity';
import { toMilestoneRecord } from '../milestones/milestone.record';
import type { Note } from '../notes/note.entity';
import { formatReference, referenceSeries } from '../pacts/pact-references';
import type { Pact } from '../pacts/pact.entity';
import { toPactRecord } from '../pacts/pact.record';
import type { User } from '../users/user.entity';
import { toUserRecord } from '../users/user.record';
import { TERRITORIES } from '../territories/territories.data';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts';
import * as demoCatalogue from '../demo/demo-catalogue';
import { between, demoPerson, pick, prng, type Rng } from '../demo/demo-data';
import { ScaleAuditTrail } from './scale-audit';
import {
  SCALE_CLOSING_NOTES,
  SCALE_EVIDENCE,
  SCALE_LAST_NAMES,
  SCALE_MILESTONE_DESCRIPTIONS,
  SCALE_NOTE_BODIES,
} from './scale-names';
import type { ScaleSink } from './scale-sink';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Pacts were opened over the last three years, more of them recently (the project grew). */
const SPAN_DAYS = 3 * 365;
/** Share of the pacts of each territory. */
const TERRITORY_SHARE: Record<TerritoryCode, number> = {
  CREMA: 0.38,
  CREMONA: 0.42,
  CASALMAGGIORE: 0.2,
};
/** One social worker per this many pacts of a territory, one community maker per … */
const PACTS_PER_SOCIAL_WORKER = 350;
const PACTS_PER_MAKER = 200;
const PACTS_PER_LAB = 1_000;
/** How often a new pact is for a person (or household) whose earlier pacts are all closed. */
const RETURNING_SUBJECT = 0.5;
/** Households of INCLUSION pacts with a second member registered (a child). */
const CHILD_MEMBER = 0.1;
/** Pacts committed per transaction. */
export const PACTS_PER_BATCH = 5_000;

const LAST_NAMES_ALL = [...demoCatalogue.LAST_NAMES, ...SCALE_LAST_NAMES];
const NOTE_BODIES_ALL = [...demoCatalogue.NOTE_BODIES, ...SCALE_NOTE_BODIES];
const OBJECTIVES: Record<PactType, string> = {
  AUTONOMY: 'Acquisire competenze spendibili e trovare un’occupazione stabile.',
  INCLUSION: 'Ritrovare stabilità economica e relazioni di sostegno nel quartiere.',
};
const CITIZEN_COMMITMENTS =
  'Partecipare agli incontri concordati e al laboratorio di comunità; aggiornare la propria situazione.';
const COMMUNITY_COMMITMENTS =
  'Accompagnamento del community maker, contatti con imprese e associazioni del territorio.';
const VULNERABILITY_REASONS = [
  'Perdita improvvisa del lavoro e sfratto esecutivo in corso',
  'Malattia grave di un componente del nucleo',
  'Separazione recente con figli minori a carico',
];

export interface ScaleTerritory {
  id: number;
  code: TerritoryCode;
  name: string;
  municipalities: string[];
}

export interface ScaleOptions {
  pacts: number;
  seed: number;
  now: Date;
  passwordHash: string;
  /** Territories already in the database; when empty, the three of the project are created. */
  territories: ScaleTerritory[];
  iseeThresholdEur: number;
  /** The first free id of every table (audit events continue an existing chain). */
  firstIds: { auditEvents: number };
  prevHash: string;
  onBatch?: (pactsDone: number, counts: ScaleCounts) => void;
}

export interface ScaleCounts {
  users: number;
  communityLabs: number;
  civicCenters: number;
  households: number;
  beneficiaries: number;
  pacts: number;
  milestones: number;
  notes: number;
  assignments: number;
  auditEvents: number;
  referenceSeries: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
const dateMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
/** Midnight UTC of the day of `ms`: `dateMs(dateOf(ms))` without the strings. */
const dayStart = (ms: number) => ms - (((ms % DAY) + DAY) % DAY);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Picks a key of `weights` with probability proportional to its weight (in key order). */
function weighted<K extends string>(rng: Rng, weights: Readonly<Partial<Record<K, number>>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1][0];
}

/** The status mix by how long ago the pact was opened: under 45 days, under 400, longer. */
const NEW_PACTS = { DRAFT: 35, SUBMITTED: 30, ACTIVE: 30, CANCELLED: 5 };
const RUNNING_PACTS = {
  ACTIVE: 78,
  SUSPENDED: 6,
  COMPLETED: 8,
  TERMINATED: 5,
  CANCELLED: 1,
  SUBMITTED: 1,
  DRAFT: 1,
};
const OLD_PACTS = { COMPLETED: 75, TERMINATED: 14, CANCELLED: 5, ACTIVE: 5, SUSPENDED: 1 };
const EMPLOYMENT_MIX = { UNEMPLOYED: 45, INACTIVE: 20, EMPLOYED: 25, RETIRED: 10 };
const NOTE_KIND_MIX = { MEETING: 35, CALL: 35, HOME_VISIT: 15, NOTE: 15 };

function statusFor(rng: Rng, ageDays: number): PactStatus {
  return weighted<PactStatus>(
    rng,
    ageDays < 45 ? NEW_PACTS : ageDays < 400 ? RUNNING_PACTS : OLD_PACTS,
  );
}

interface Staff {
  id: number;
  territoryId: number;
}

interface Timeline {
  status: PactStatus;
  createdMs: number;
  submittedMs: number | null;
  approvedMs: number | null;
  closedMs: number | null;
  /** Midnight UTC of the start date. */
  startDayMs: number;
  plannedEndMs: number;
  cancelledFromSubmitted: boolean;
}

/** A community maker's time on a pact (an assignment). */
interface Stint {
  makerId: number;
  fromMs: number;
  toMs: number | null;
  reason: string;
}

/** Transitions behind each status (submit, approve, suspend or close), each a version. */
const VERSION_BY_STATUS: Record<PactStatus, number> = {
  DRAFT: 1,
  SUBMITTED: 2,
  ACTIVE: 3,
  SUSPENDED: 4,
  COMPLETED: 4,
  TERMINATED: 4,
  CANCELLED: 2,
};

interface Subject {
  beneficiary: Beneficiary;
  household: Household | null;
  /** When its last pact closed: it may have a new pact of the same type after that. */
  freeFrom: number;
}

/** The calendar date in Italy (reference series are per Italian year), with one formatter. */
const romeDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Generates the regional-scale data set: deterministic for a seed and a day, relative to
 * `now` (so that deadlines and alerts look the same whenever it runs), written to a sink in
 * foreign-key order with one audit event per record.
 */
export class ScaleGenerator {
  private readonly rng: Rng;
  private readonly nowMs: number;
  private readonly today: string;
  private readonly audit: ScaleAuditTrail;
  private readonly counts: ScaleCounts = {
    users: 0,
    communityLabs: 0,
    civicCenters: 0,
    households: 0,
    beneficiaries: 0,
    pacts: 0,
    milestones: 0,
    notes: 0,
    assignments: 0,
    auditEvents: 0,
    referenceSeries: 0,
  };
  private readonly fiscalCodes = new Set<string>();
  private readonly counters = new Map<string, number>();
  private readonly socialWorkers = new Map<number, Staff[]>();
  private readonly makers = new Map<number, Staff[]>();
  private readonly labs = new Map<number, Array<{ id: number; makerIds: number[] }>>();
  /** Subjects whose pacts of that type are all closed, per territory. */
  private readonly returning = new Map<string, Subject[]>();
  private adminId = 0;
  private territoryNames: Record<number, string> = {};

  constructor(
    private readonly options: ScaleOptions,
    private readonly sink: ScaleSink,
  ) {
    this.rng = prng(options.seed);
    this.nowMs = options.now.getTime();
    this.today = romeDate.format(options.now);
    this.audit = new ScaleAuditTrail(sink, options.firstIds.auditEvents, options.prevHash);
  }

  async run(): Promise<ScaleCounts> {
    const { pacts } = this.options;
    const startMs = this.nowMs - (SPAN_DAYS + 30) * DAY;
    if (this.options.territories.length === 0) this.createTerritories(startMs - DAY);
    this.territoryNames = Object.fromEntries(this.options.territories.map((t) => [t.id, t.name]));
    this.staff(startMs);
    this.places(startMs + 2 * DAY);
    await this.sink.commit();
    for (let i = 0; i < pacts; i++) {
      this.pact(i);
      if ((i + 1) % PACTS_PER_BATCH === 0 || i + 1 === pacts) {
        for (const [series, lastValue] of i + 1 === pacts ? this.counters : []) {
          this.sink.add('pact_reference_counters', { series, lastValue });
        }
        await this.sink.commit();
        this.options.onBatch?.(i + 1, this.snapshot());
      }
    }
    return this.snapshot();
  }

  private snapshot(): ScaleCounts {
    return {
      ...this.counts,
      auditEvents: this.audit.written - this.options.firstIds.auditEvents + 1,
      referenceSeries: this.counters.size,
    };
  }

  // ── people and places ──────────────────────────────────────────────────────

  /** What the server does at its first start (SeedService.ensureTerritories). */
  private createTerritories(createdMs: number): void {
    const at = iso(createdMs);
    TERRITORIES.forEach((t, k) => {
      const territory = { id: k + 1, createdAt: at, updatedAt: at, version: 1, ...t };
      this.sink.add('territories', territory);
      this.audit.create(at, null, 'territories', territory.id, {
        code: t.code,
        name: t.name,
        municipalities: t.municipalities,
      });
      this.options.territories.push({
        id: territory.id,
        code: t.code,
        name: t.name,
        municipalities: t.municipalities,
      });
    });
  }

  private user(
    email: string,
    fullName: string,
    role: Role,
    territoryIds: number[],
    createdMs: number,
  ): number {
    const at = iso(createdMs);
    const user = {
      ...this.newRecord('users', at),
      email,
      fullName,
      role,
      territoryIds,
      active: true,
      passwordHash: this.options.passwordHash,
      tokenVersion: 0,
      mustChangePassword: false,
      digestFrequency: defaultDigestFrequency(role),
    };
    this.sink.add('users', user);
    this.audit.create(at, null, 'users', user.id, toUserRecord(user as User));
    return user.id;
  }

  private randomName(): string {
    const female = this.rng() < 0.6; // most social workers and community makers are women
    return `${pick(this.rng, female ? demoCatalogue.FIRST_NAMES_F : demoCatalogue.FIRST_NAMES_M)} ${pick(this.rng, LAST_NAMES_ALL)}`;
  }

  /** The demo accounts, the extra demo makers, and enough staff for the caseload. */
  private staff(createdMs: number): void {
    const { territories, pacts } = this.options;
    const byCode = (code: TerritoryCode) => territories.find((t) => t.code === code)!;
    for (const t of territories) {
      this.socialWorkers.set(t.id, []);
      this.makers.set(t.id, []);
    }
    for (const a of DEMO_ACCOUNTS) {
      const territoryIds =
        a.territories === 'all'
          ? territories.map((t) => t.id)
          : a.territories.map((c) => byCode(c).id);
      const id = this.user(a.email, a.fullName, a.role, territoryIds, createdMs);
      if (a.role === 'ADMIN') this.adminId = id;
      if (a.role === 'SOCIAL_WORKER')
        this.socialWorkers.get(territoryIds[0])!.push({ id, territoryId: territoryIds[0] });
      if (a.role === 'COMMUNITY_MAKER')
        this.makers.get(territoryIds[0])!.push({ id, territoryId: territoryIds[0] });
    }
    for (const m of demoCatalogue.EXTRA_MAKERS) {
      const t = byCode(m.territory);
      const id = this.user(m.email, m.fullName, 'COMMUNITY_MAKER', [t.id], createdMs);
      this.makers.get(t.id)!.push({ id, territoryId: t.id });
    }
    for (const t of territories) {
      const share = pacts * TERRITORY_SHARE[t.code];
      const code = t.code.toLowerCase();
      const sw = this.socialWorkers.get(t.id)!;
      for (
        let n = sw.length + 1;
        n <= Math.max(1, Math.round(share / PACTS_PER_SOCIAL_WORKER));
        n++
      ) {
        const email = `sociale.${code}.${String(n).padStart(3, '0')}@scale.generattivi.it`;
        sw.push({
          id: this.user(email, this.randomName(), 'SOCIAL_WORKER', [t.id], createdMs),
          territoryId: t.id,
        });
      }
      const mk = this.makers.get(t.id)!;
      for (let n = mk.length + 1; n <= Math.max(1, Math.round(share / PACTS_PER_MAKER)); n++) {
        const email = `maker.${code}.${String(n).padStart(3, '0')}@scale.generattivi.it`;
        mk.push({
          id: this.user(email, this.randomName(), 'COMMUNITY_MAKER', [t.id], createdMs),
          territoryId: t.id,
        });
      }
    }
  }

  /** The fields of a new record of `kind` made `at`: its id (the next), its stamps, version 1. */
  private newRecord(kind: keyof ScaleCounts, at: string) {
    return { id: ++this.counts[kind], createdAt: at, updatedAt: at, version: 1 };
  }

  /** The demo civic centers and laboratories, and more laboratories for a bigger caseload. */
  private places(createdMs: number): void {
    const { territories, pacts } = this.options;
    const at = iso(createdMs);
    for (const c of demoCatalogue.CIVIC_CENTERS) {
      const t = territories.find((x) => x.code === c.territory)!;
      const center = {
        ...this.newRecord('civicCenters', at),
        name: c.name,
        territoryId: t.id,
        municipality: c.municipality,
        description: c.description,
        childrenReached: c.children,
        adultsReached: c.adults,
      };
      this.sink.add('civic_centers', center);
      this.audit.create(
        at,
        this.adminId,
        'civic-centers',
        center.id,
        toCivicCenterRecord(center as CivicCenter),
      );
    }
    for (const t of territories) {
      const makers = this.makers.get(t.id)!;
      const catalogue = demoCatalogue.COMMUNITY_LABS.filter((l) => l.territory === t.code);
      const wanted = Math.max(
        catalogue.length,
        Math.round((pacts * TERRITORY_SHARE[t.code]) / PACTS_PER_LAB),
      );
      const list: Array<{ id: number; makerIds: number[] }> = [];
      for (let k = 0; k < wanted; k++) {
        const base = catalogue[k % catalogue.length];
        const municipality =
          k < catalogue.length ? base.municipality : t.municipalities[k % t.municipalities.length];
        const name =
          k < catalogue.length
            ? base.name
            : `${base.name} — ${municipality}${k >= t.municipalities.length ? ` ${Math.floor(k / t.municipalities.length) + 1}` : ''}`;
        // Every maker runs at least one laboratory; each laboratory has two to five makers.
        const makerIds = new Set<number>([makers[k % makers.length].id]);
        const extra = between(this.rng, 1, 4);
        for (let e = 0; e < extra && makerIds.size < makers.length; e++)
          makerIds.add(pick(this.rng, makers).id);
        const lab = {
          ...this.newRecord('communityLabs', at),
          name,
          territoryId: t.id,
          municipality,
          description: base.description,
          communityMakerIds: [...makerIds],
        };
        this.sink.add('community_labs', lab);
        this.audit.create(
          at,
          this.adminId,
          'community-labs',
          lab.id,
          toCommunityLabRecord(lab as CommunityLab),
        );
        list.push({ id: lab.id, makerIds: lab.communityMakerIds });
      }
      // Makers not yet in a laboratory join one.
      const inLab = new Set(list.flatMap((l) => l.makerIds));
      for (const m of makers) if (!inLab.has(m.id)) list[m.id % list.length].makerIds.push(m.id);
      this.labs.set(t.id, list);
    }
  }

  // ── subjects ───────────────────────────────────────────────────────────────

  private municipality(t: ScaleTerritory): string {
    return this.rng() < 0.35 ? t.municipalities[0] : pick(this.rng, t.municipalities);
  }

  /** A person with a fiscal code no one else has. */
  private person(onDate: string, age: number, employment: EmploymentStatus, lastName?: string) {
    for (;;) {
      const p = demoPerson(
        this.rng,
        onDate,
        age,
        employment,
        lastName ?? pick(this.rng, LAST_NAMES_ALL),
      );
      if (!this.fiscalCodes.has(p.fiscalCode)) {
        this.fiscalCodes.add(p.fiscalCode);
        return p;
      }
    }
  }

  private beneficiary(
    t: ScaleTerritory,
    municipality: string,
    createdMs: number,
    age: number,
    employment: EmploymentStatus,
    householdId: number | null,
    actorId: number,
    lastName?: string,
  ): Beneficiary {
    const p = this.person(dateOf(createdMs), age, employment, lastName);
    const at = iso(createdMs);
    const b = {
      ...this.newRecord('beneficiaries', at),
      ...p,
      territoryId: t.id,
      municipality,
      phone: householdId !== null && age < 18 ? null : p.phone,
      email:
        this.rng() < 0.25
          ? `${p.firstName}.${p.lastName}${between(this.rng, 1, 99)}@example.org`
              .toLowerCase()
              .replace(/[^a-z0-9.@]/g, '')
          : null,
      householdId,
    } as Beneficiary;
    this.sink.add('beneficiaries', b);
    this.audit.create(at, actorId, 'beneficiaries', b.id, toFullBeneficiaryRecord(b));
    return b;
  }

  private newSubject(
    type: PactType,
    t: ScaleTerritory,
    createdMs: number,
    socialWorkerId: number,
    unknownIsee: boolean,
  ): Subject {
    const municipality = this.municipality(t);
    const subjectMs = createdMs - between(this.rng, 1, 30) * DAY;
    if (type === 'AUTONOMY') {
      const b = this.beneficiary(
        t,
        municipality,
        subjectMs,
        between(this.rng, 21, 35),
        'UNEMPLOYED',
        null,
        socialWorkerId,
      );
      return { beneficiary: b, household: null, freeFrom: Infinity };
    }
    const lastName = pick(this.rng, LAST_NAMES_ALL);
    const at = iso(subjectMs);
    // Most households are below the ISEE threshold; some above it were assessed vulnerable.
    const assessed = !unknownIsee && this.rng() < 0.15;
    const household = {
      ...this.newRecord('households', at),
      name: `Famiglia ${lastName}`,
      territoryId: t.id,
      municipality,
      membersCount: between(this.rng, 1, 6),
      iseeEur: unknownIsee
        ? null
        : (assessed
            ? between(this.rng, 9_500, 16_000)
            : between(this.rng, 1_500, 9_300) + between(this.rng, 0, 99) / 100
          ).toFixed(2),
      vulnerable: assessed,
      vulnerabilityReason: assessed ? pick(this.rng, VULNERABILITY_REASONS) : null,
      assessedById: assessed ? socialWorkerId : null,
      assessedAt: assessed ? at : null,
    } as Household;
    this.sink.add('households', household);
    this.audit.create(at, socialWorkerId, 'households', household.id, toHouseholdRecord(household));
    const employment = weighted<EmploymentStatus>(this.rng, EMPLOYMENT_MIX);
    const head = this.beneficiary(
      t,
      municipality,
      subjectMs,
      between(this.rng, employment === 'RETIRED' ? 66 : 28, employment === 'RETIRED' ? 80 : 58),
      employment,
      household.id,
      socialWorkerId,
      lastName,
    );
    if (household.membersCount > 1 && this.rng() < CHILD_MEMBER) {
      this.beneficiary(
        t,
        municipality,
        subjectMs,
        between(this.rng, 6, 17),
        'STUDENT',
        household.id,
        socialWorkerId,
        lastName,
      );
    }
    return { beneficiary: head, household, freeFrom: Infinity };
  }

  /** A returning subject whose pacts of this type all closed before `createdMs`, if any. */
  private returningSubject(key: string, createdMs: number): Subject | undefined {
    const pool = this.returning.get(key);
    if (!pool?.length || this.rng() >= RETURNING_SUBJECT) return undefined;
    const k = Math.floor(this.rng() * pool.length);
    if (pool[k].freeFrom >= createdMs - 30 * DAY) return undefined;
    const [subject] = pool.splice(k, 1);
    return subject;
  }

  private evaluate(
    type: PactType,
    t: ScaleTerritory,
    startDate: string,
    s: Subject,
    atMs: number,
  ): EligibilityEvaluation {
    return evaluateEligibility(
      {
        type,
        territoryId: t.id,
        startDate,
        beneficiary: s.beneficiary,
        household: s.household,
        otherOpenPacts: 0,
        territoryNames: this.territoryNames,
      },
      { now: new Date(atMs), today: dateOf(atMs), iseeThresholdEur: this.options.iseeThresholdEur },
    );
  }

  // ── pacts ──────────────────────────────────────────────────────────────────

  /** Opening, submission, approval, start, planned end and closing of a pact. */
  private timeline(status: PactStatus, ageDays: number): Timeline {
    const rng = this.rng;
    const nowMs = this.nowMs;
    const createdMs = nowMs - ageDays * DAY;
    const approved =
      status === 'ACTIVE' ||
      status === 'SUSPENDED' ||
      status === 'COMPLETED' ||
      status === 'TERMINATED';
    const cancelledFromSubmitted = status === 'CANCELLED' && rng() < 0.5;
    let submittedMs: number | null = null;
    let approvedMs: number | null = null;
    let closedMs: number | null = null;
    if (status === 'SUBMITTED' || cancelledFromSubmitted)
      submittedMs = createdMs + rng() * Math.min(ageDays * 0.5, 10) * DAY;
    if (approved) {
      submittedMs = createdMs + rng() * Math.min(ageDays * 0.2, 10) * DAY;
      approvedMs = submittedMs + rng() * Math.min(ageDays * 0.2, 15) * DAY;
    }
    const startMs =
      approvedMs !== null
        ? approvedMs + between(rng, 0, 7) * DAY
        : createdMs + between(rng, 7, 40) * DAY;
    const startDayMs = dayStart(startMs);
    let plannedEndMs = startDayMs + between(rng, 180, 365) * DAY;
    if (status === 'ACTIVE' && plannedEndMs < nowMs && rng() < 0.85) {
      // Most long-running pacts were extended; the others are past their planned end.
      plannedEndMs = nowMs + between(rng, 1, 240) * DAY;
    }
    if (status === 'CANCELLED')
      closedMs = Math.min(createdMs + rng() * Math.min(ageDays, 40) * DAY, nowMs - HOUR);
    if (status === 'COMPLETED') {
      const target = plannedEndMs + (rng() * 60 - 30) * DAY;
      closedMs = clamp(target, Math.min(approvedMs! + 20 * DAY, nowMs - 2 * HOUR), nowMs - HOUR);
    }
    if (status === 'TERMINATED') {
      const until = Math.min(plannedEndMs, nowMs - HOUR);
      closedMs = approvedMs! + (0.15 + 0.8 * rng()) * Math.max(until - approvedMs!, HOUR);
    }
    if (closedMs !== null)
      closedMs = Math.max(closedMs, (approvedMs ?? submittedMs ?? createdMs) + HOUR / 2);
    return {
      status,
      createdMs,
      submittedMs,
      approvedMs,
      closedMs,
      startDayMs,
      plannedEndMs,
      cancelledFromSubmitted,
    };
  }

  /**
   * The person (or household) of a new pact: sometimes one whose earlier pacts of the type
   * are closed, else a new one; approved and submitted pacts are eligible.
   */
  private subjectOf(type: PactType, t: ScaleTerritory, tl: Timeline, socialWorkerId: number) {
    const key = `${type}|${t.id}`;
    const { status } = tl;
    const needsEligible = status !== 'DRAFT' && status !== 'CANCELLED';
    const evaluatedMs = tl.approvedMs ?? tl.submittedMs ?? tl.createdMs;
    const startDate = dateOf(tl.startDayMs);
    let subject = status === 'CANCELLED' ? undefined : this.returningSubject(key, tl.createdMs);
    let eligibility = subject && this.evaluate(type, t, startDate, subject, evaluatedMs);
    if (!subject || !eligibility || (needsEligible && !eligibility.eligible)) {
      if (subject) this.returning.get(key)!.push(subject);
      const unknownIsee = type === 'INCLUSION' && status === 'DRAFT' && this.rng() < 0.2;
      subject = this.newSubject(type, t, tl.createdMs, socialWorkerId, unknownIsee);
      eligibility = this.evaluate(type, t, startDate, subject, evaluatedMs);
    }
    if (tl.closedMs !== null) {
      subject.freeFrom = tl.closedMs;
      let pool = this.returning.get(key);
      if (!pool) this.returning.set(key, (pool = []));
      pool.push(subject);
    }
    return { subject, eligibility };
  }

  /** Three to seven milestones spread to the planned end, with statuses that fit the pact's. */
  private milestonesOf(i: number, pactId: number, tl: Timeline): Milestone[] {
    const rng = this.rng;
    const { status, startDayMs } = tl;
    const todayMs = dateMs(this.today);
    const closedDayMs = tl.closedMs === null ? null : dayStart(tl.closedMs);
    const latest = Math.min(todayMs, closedDayMs ?? todayMs);
    const count = status === 'CANCELLED' ? between(rng, 1, 3) : between(rng, 3, 7);
    const lengthDays = (tl.plannedEndMs - startDayMs) / DAY;
    const milestones: Milestone[] = [];
    for (let k = 0; k < count; k++) {
      const dueMs = startDayMs + Math.round(((k + 1) / count) * lengthDays - rng() * 10) * DAY;
      const due = dayStart(Math.max(dueMs, startDayMs + DAY));
      let mStatus: MilestoneStatus = 'PENDING';
      let achievedMs: number | null = null;
      const r = rng();
      if (status === 'CANCELLED') mStatus = 'CANCELLED';
      else if (status === 'ACTIVE' || status === 'SUSPENDED') {
        if (due < todayMs) mStatus = r < 0.74 ? 'ACHIEVED' : r < 0.88 ? 'PENDING' : 'MISSED';
        else if (r < 0.06) mStatus = 'ACHIEVED';
      } else if (status === 'COMPLETED') mStatus = r < 0.9 ? 'ACHIEVED' : 'CANCELLED';
      else if (status === 'TERMINATED')
        mStatus = due < closedDayMs! ? (r < 0.55 ? 'ACHIEVED' : 'MISSED') : 'CANCELLED';
      if (mStatus === 'ACHIEVED') {
        // Mostly on time, some late; never in the future nor after the pact closed.
        const offset = rng() < 0.78 ? -between(rng, 0, 12) : between(rng, 1, 25);
        achievedMs = clamp(due + offset * DAY, Math.min(startDayMs, latest), latest);
      }
      const createdMs = Math.min(tl.createdMs + rng() * 2 * DAY, this.nowMs - HOUR / 2);
      const changedMs =
        mStatus === 'PENDING'
          ? createdMs
          : clamp((achievedMs ?? tl.closedMs ?? due) + 17 * HOUR, createdMs, this.nowMs - HOUR / 4);
      milestones.push({
        id: 0,
        createdAt: iso(createdMs),
        updatedAt: iso(changedMs),
        version: mStatus === 'PENDING' ? 1 : 2,
        pactId,
        title: demoCatalogue.MILESTONE_TITLES[(i + k) % demoCatalogue.MILESTONE_TITLES.length],
        description: pick(rng, SCALE_MILESTONE_DESCRIPTIONS),
        dueDate: dateOf(due),
        status: mStatus,
        achievedAt: achievedMs === null ? null : dateOf(achievedMs),
        evidence: mStatus === 'ACHIEVED' ? pick(rng, SCALE_EVIDENCE) : null,
      } as Milestone);
    }
    return milestones;
  }

  /** Who followed the pact: the first maker, and for one pact in ten a second one. */
  private assignmentsOf(tl: Timeline, makerId: number | null, makers: Staff[]): Stint[] {
    if (makerId === null) return [];
    const rng = this.rng;
    const endMs = tl.closedMs;
    if (tl.approvedMs === null || makers.length < 2 || rng() >= 0.1)
      return [{ makerId, fromMs: tl.createdMs, toMs: endMs, reason: 'assegnazione iniziale' }];
    const switchMs = tl.approvedMs + rng() * ((endMs ?? this.nowMs - HOUR) - tl.approvedMs);
    let next = pick(rng, makers).id;
    if (next === makerId) next = makers.find((m) => m.id !== makerId)!.id;
    return [
      { makerId, fromMs: tl.createdMs, toMs: switchMs, reason: 'assegnazione iniziale' },
      {
        makerId: next,
        fromMs: switchMs,
        toMs: endMs,
        reason: 'Cambio di laboratorio, più vicino a casa della persona',
      },
    ];
  }

  /**
   * Diary notes every few weeks while the pact runs (one or two before approval), written
   * by its community maker of the time or by the social worker; some active pacts have had
   * no note for more than 30 days.
   */
  private notesOf(pactId: number, tl: Timeline, stints: Stint[], socialWorkerId: number): Note[] {
    const rng = this.rng;
    const nowMs = this.nowMs;
    let fromMs: number;
    let untilMs: number;
    if (tl.approvedMs !== null) {
      fromMs = tl.approvedMs;
      untilMs = tl.closedMs ?? nowMs - HOUR;
      if (tl.status === 'ACTIVE' && rng() < 0.12) untilMs = nowMs - between(rng, 31, 90) * DAY;
    } else {
      fromMs = tl.createdMs;
      untilMs = Math.min(tl.closedMs ?? nowMs - HOUR, tl.createdMs + 30 * DAY);
    }
    const gapDays = tl.approvedMs !== null ? 10 + rng() * 20 : 15 + rng() * 30;
    const maxNotes = tl.approvedMs !== null ? Infinity : tl.status === 'DRAFT' ? 1 : 2;
    const makerAt = (ms: number) =>
      stints.find((a) => a.fromMs <= ms && (a.toMs === null || ms < a.toMs))?.makerId ?? null;
    const notes: Note[] = [];
    for (
      let at = fromMs + gapDays * (0.3 + rng()) * DAY;
      at < untilMs && notes.length < maxNotes;
      at += gapDays * (0.5 + rng()) * DAY
    ) {
      // During working hours, Italian time (about 7 to 17 UTC).
      const occurredMs = Math.min(dayStart(at) + (7 + rng() * 10) * HOUR, untilMs);
      if (occurredMs <= fromMs) continue;
      const maker = makerAt(occurredMs);
      const createdMs = Math.min(occurredMs + rng() * 6 * HOUR, nowMs - 60_000);
      notes.push({
        id: 0,
        createdAt: iso(createdMs),
        updatedAt: iso(createdMs),
        pactId,
        authorId: maker !== null && rng() < 0.75 ? maker : socialWorkerId,
        kind: weighted<NoteKind>(rng, NOTE_KIND_MIX),
        occurredAt: iso(occurredMs),
        body: pick(rng, NOTE_BODIES_ALL),
      } as Note);
    }
    return notes;
  }

  /** Pact number `i` (in opening order) with its subject, milestones, assignments and diary. */
  private pact(i: number): void {
    const rng = this.rng;
    const { territories, pacts } = this.options;
    // Opening instants increase with i; density grows linearly towards today.
    const ageDays = Math.max(SPAN_DAYS * (1 - Math.sqrt((i + rng()) / pacts)), 0.05);
    const code = weighted(rng, TERRITORY_SHARE);
    const t = territories.find((x) => x.code === code) ?? territories[0];
    const type: PactType = rng() < 0.55 ? 'AUTONOMY' : 'INCLUSION';
    const tl = this.timeline(statusFor(rng, ageDays), ageDays);
    const { status } = tl;
    const socialWorker = pick(rng, this.socialWorkers.get(t.id)!);
    const lab = rng() < 0.85 ? pick(rng, this.labs.get(t.id)!) : null;
    const makers = this.makers.get(t.id)!;
    const firstMaker =
      status !== 'DRAFT' || rng() < 0.5
        ? lab
          ? pick(rng, lab.makerIds)
          : pick(rng, makers).id
        : null;
    const { subject, eligibility } = this.subjectOf(type, t, tl, socialWorker.id);

    const pactId = ++this.counts.pacts;
    const milestones = this.milestonesOf(i, pactId, tl);
    const stints = this.assignmentsOf(tl, firstMaker, makers);
    const notes = this.notesOf(pactId, tl, stints, socialWorker.id);

    const series = referenceSeries(
      type,
      t.code,
      Number(romeDate.format(new Date(tl.createdMs)).slice(0, 4)),
    );
    const number = (this.counters.get(series) ?? 0) + 1;
    this.counters.set(series, number);
    const closed = status === 'COMPLETED' || status === 'TERMINATED' || status === 'CANCELLED';
    const iso0 = (ms: number | null) => (ms === null ? null : iso(ms));
    const pact = {
      id: pactId,
      createdAt: iso(tl.createdMs),
      updatedAt: iso(
        Math.max(tl.createdMs, tl.submittedMs ?? 0, tl.approvedMs ?? 0, tl.closedMs ?? 0),
      ),
      // One bump per transition the pact went through.
      version: VERSION_BY_STATUS[status] + (tl.cancelledFromSubmitted ? 1 : 0),
      type,
      reference: formatReference(series, number),
      status,
      territoryId: t.id,
      beneficiaryId: subject.beneficiary.id,
      householdId: subject.household?.id ?? null,
      socialWorkerId: socialWorker.id,
      communityMakerId: stints.length ? stints[stints.length - 1].makerId : null,
      communityLabId: lab?.id ?? null,
      title: pick(
        rng,
        type === 'AUTONOMY' ? demoCatalogue.AUTONOMY_TITLES : demoCatalogue.INCLUSION_TITLES,
      ),
      objectives: OBJECTIVES[type],
      citizenCommitments: CITIZEN_COMMITMENTS,
      communityCommitments: COMMUNITY_COMMITMENTS,
      startDate: dateOf(tl.startDayMs),
      plannedEndDate: dateOf(tl.plannedEndMs),
      submittedAt: iso0(tl.submittedMs),
      approvedAt: iso0(tl.approvedMs),
      closedAt: iso0(tl.closedMs),
      outcome:
        status === 'COMPLETED'
          ? pick(rng, OUTCOMES_BY_TYPE[type])
          : status === 'TERMINATED'
            ? pick(rng, TERMINATION_CODES)
            : null,
      closingNote: closed ? pick(rng, SCALE_CLOSING_NOTES[status]) : null,
      eligibility,
      progress: pactProgress(milestones.map((m) => m.status)),
      lastNoteAt: notes.reduce<string | null>(
        (max, n) => (max === null || n.occurredAt > max ? n.occurredAt : max),
        null,
      ),
    } as Pact;
    this.sink.add('pacts', pact);
    this.audit.create(pact.createdAt, socialWorker.id, 'pacts', pactId, {
      ...toPactRecord(pact),
      eligibility: eligibility.eligible,
    });

    for (const a of stints) {
      const assignment = {
        id: ++this.counts.assignments,
        createdAt: iso(a.fromMs),
        updatedAt: iso(a.toMs ?? a.fromMs),
        pactId,
        communityMakerId: a.makerId,
        assignedById: socialWorker.id,
        startedAt: iso(a.fromMs),
        endedAt: iso0(a.toMs),
        reason: a.reason,
      };
      this.sink.add('assignments', assignment);
      this.audit.create(assignment.createdAt, socialWorker.id, 'assignments', assignment.id, {
        pactId,
        communityMakerId: a.makerId,
        assignedById: socialWorker.id,
        startedAt: assignment.startedAt,
        reason: a.reason,
      });
    }
    // Milestones are drafted with the pact: by its first community maker, or the social worker.
    const milestoneAuthor = firstMaker ?? socialWorker.id;
    for (const m of milestones) {
      m.id = ++this.counts.milestones;
      this.sink.add('milestones', m);
      const { overdue: _overdue, ...fields } = toMilestoneRecord(m, status, this.today);
      this.audit.create(m.createdAt, milestoneAuthor, 'milestones', m.id, fields);
    }
    for (const n of notes) {
      n.id = ++this.counts.notes;
      this.sink.add('notes', n);
      const { kind, occurredAt, body } = n;
      this.audit.create(n.createdAt, n.authorId, 'notes', n.id, { pactId, kind, occurredAt, body });
    }
  }
}
