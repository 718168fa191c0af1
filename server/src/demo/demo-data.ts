import {
  addDays,
  computeFiscalCode,
  OUTCOMES_BY_TYPE,
  todayIso,
  type EmploymentStatus,
  type PactStatus,
  type PactType,
  type Sex,
  type TerritoryCode,
} from '@generattivi/shared';
import {
  AUTONOMY_TITLES,
  BIRTH_PLACES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  INCLUSION_TITLES,
  LAST_NAMES,
  MILESTONE_TITLES,
  NOTE_BODIES,
  STREETS,
} from './demo-catalogue';

/** A small deterministic PRNG (mulberry32): the demo data is the same on every start. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, min: number, max: number): number =>
  min + Math.floor(rng() * (max - min + 1));

export interface DemoPerson {
  firstName: string;
  lastName: string;
  sex: Sex;
  birthDate: string;
  fiscalCode: string;
  employmentStatus: EmploymentStatus;
  address: string;
  phone: string;
}

/** A person of the given age on `today`, with a valid fiscal code. */
export function demoPerson(
  rng: Rng,
  today: string,
  age: number,
  employmentStatus: EmploymentStatus,
  lastName?: string,
): DemoPerson {
  const sex: Sex = rng() < 0.5 ? 'F' : 'M';
  const firstName = pick(rng, sex === 'F' ? FIRST_NAMES_F : FIRST_NAMES_M);
  const surname = lastName ?? pick(rng, LAST_NAMES);
  // Born `age` years and 20..340 days before today: aged exactly `age` today.
  const birthDate = addDays(
    `${Number(today.slice(0, 4)) - age}${today.slice(4)}`.replace(/-02-29$/, '-02-28'),
    -between(rng, 20, 340),
  );
  return {
    firstName,
    lastName: surname,
    sex,
    birthDate,
    fiscalCode: computeFiscalCode({
      lastName: surname,
      firstName,
      birthDate,
      sex,
      municipalityCode: pick(rng, BIRTH_PLACES),
    }),
    employmentStatus,
    address: `${pick(rng, STREETS)} ${between(rng, 1, 120)}`,
    phone: `+39 3${between(rng, 20, 49)} ${between(rng, 100, 999)} ${between(rng, 1000, 9999)}`,
  };
}

export interface DemoPactPlan {
  type: PactType;
  territory: TerritoryCode;
  status: PactStatus;
  title: string;
  startDate: string;
  plannedEndDate: string;
  milestones: Array<{
    title: string;
    dueDate: string;
    status: 'PENDING' | 'ACHIEVED' | 'MISSED' | 'CANCELLED';
  }>;
  notes: Array<{ daysAgo: number; kind: 'MEETING' | 'CALL' | 'HOME_VISIT' | 'NOTE'; body: string }>;
  outcome?: string;
  reason?: string;
  reassign: boolean;
}

/** 44 pacts over three territories and every status (DOMAIN.md: 44 patti GenerAttivi). */
export const DEMO_STATUS_MIX: readonly PactStatus[] = [
  ...Array<PactStatus>(6).fill('DRAFT'),
  ...Array<PactStatus>(5).fill('SUBMITTED'),
  ...Array<PactStatus>(18).fill('ACTIVE'),
  ...Array<PactStatus>(3).fill('SUSPENDED'),
  ...Array<PactStatus>(7).fill('COMPLETED'),
  ...Array<PactStatus>(3).fill('TERMINATED'),
  ...Array<PactStatus>(2).fill('CANCELLED'),
];

const TERRITORY_CYCLE: readonly TerritoryCode[] = [
  'CREMA',
  'CREMONA',
  'CREMA',
  'CASALMAGGIORE',
  'CREMONA',
];

export function planDemoPacts(rng: Rng, today: string): DemoPactPlan[] {
  return DEMO_STATUS_MIX.map((status, i) => {
    const type: PactType = i % 11 < 6 ? 'AUTONOMY' : 'INCLUSION';
    const territory = TERRITORY_CYCLE[i % TERRITORY_CYCLE.length];
    const started =
      status === 'DRAFT' || status === 'SUBMITTED' ? between(rng, -20, 10) : between(rng, 60, 330);
    const startDate = addDays(today, -started);
    const length = between(rng, 180, 365);
    // A few active pacts end within 30 days, one is already past its planned end.
    const plannedEndDate =
      status === 'ACTIVE' && i % 6 === 0
        ? addDays(today, between(rng, 3, 28))
        : status === 'ACTIVE' && i % 9 === 4
          ? addDays(today, -5)
          : addDays(startDate, length);
    const closed = status === 'COMPLETED' || status === 'TERMINATED';
    const milestoneCount = status === 'CANCELLED' ? 1 : between(rng, 3, 5);
    const milestones = Array.from({ length: milestoneCount }, (_, k) => {
      const dueDate = addDays(startDate, 30 + k * between(rng, 30, 60));
      const past = dueDate < today;
      let mStatus: DemoPactPlan['milestones'][number]['status'] = 'PENDING';
      if (status === 'COMPLETED')
        mStatus = k === milestoneCount - 1 && rng() < 0.3 ? 'CANCELLED' : 'ACHIEVED';
      else if (status === 'TERMINATED') mStatus = past && k === 0 ? 'ACHIEVED' : 'MISSED';
      else if ((status === 'ACTIVE' || status === 'SUSPENDED') && past)
        mStatus = rng() < 0.7 ? 'ACHIEVED' : rng() < 0.6 ? 'PENDING' : 'MISSED';
      return {
        title: MILESTONE_TITLES[(i + k) % MILESTONE_TITLES.length],
        dueDate,
        status: mStatus,
      };
    });
    const active = status === 'ACTIVE' || status === 'SUSPENDED' || closed;
    // Every fifth active pact has had no diary note for more than 30 days.
    const stale = status === 'ACTIVE' && i % 5 === 1;
    const notes = active
      ? Array.from({ length: between(rng, 1, 4) }, (_, k) => ({
          daysAgo: (stale ? 35 : 2) + k * between(rng, 5, 20),
          kind: pick(rng, ['MEETING', 'CALL', 'HOME_VISIT', 'NOTE'] as const),
          body: NOTE_BODIES[(i + k) % NOTE_BODIES.length],
        }))
      : [];
    return {
      type,
      territory,
      status,
      title: pick(rng, type === 'AUTONOMY' ? AUTONOMY_TITLES : INCLUSION_TITLES),
      startDate,
      plannedEndDate,
      milestones,
      notes,
      outcome:
        status === 'COMPLETED'
          ? pick(rng, OUTCOMES_BY_TYPE[type])
          : status === 'TERMINATED'
            ? pick(rng, ['DROPPED_OUT', 'MOVED_AWAY', 'OTHER'])
            : undefined,
      reason:
        status === 'TERMINATED'
          ? 'Il beneficiario ha interrotto la partecipazione agli incontri.'
          : status === 'SUSPENDED'
            ? 'Ricovero ospedaliero: il percorso riprende alle dimissioni.'
            : status === 'CANCELLED'
              ? 'Il nucleo si è trasferito prima dell’avvio del patto.'
              : status === 'COMPLETED'
                ? 'Obiettivi raggiunti, verificati nell’incontro finale.'
                : undefined,
      reassign: status === 'ACTIVE' && (i === 8 || i === 17),
    };
  });
}

export { todayIso };
