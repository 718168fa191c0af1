/**
 * The eligibility rules of the patti GenerAttivi (DOMAIN.md, "Eligibility rules").
 * Pure and total: missing information fails the rule that needs it, with a message that
 * says what is missing; nothing here throws.
 */

import { ageOn } from './age';
import { isIsoDate, todayIso } from './dates';
import type { EmploymentStatus, PactType, Sex } from './enums';
import {
  eurosToCents,
  formatEuroCents,
  PACT_TYPE_LABELS,
  yearsText,
  type LocalizedText,
} from './text';

/** Changes whenever a rule or its parameters change; stored with every evaluation. */
export const RULE_SET_VERSION = '2026.1';

export const AUTONOMY_MIN_AGE = 19;
export const AUTONOMY_MAX_AGE = 39;
export const DEFAULT_ISEE_THRESHOLD_EUR = 9360;

export const ELIGIBILITY_RULES = [
  'AUTONOMY_AGE',
  'AUTONOMY_UNEMPLOYED',
  'INCLUSION_VULNERABLE',
  'SAME_TERRITORY',
  'ONE_OPEN_PACT',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** The rules evaluated for each pact type, in the order they are reported. */
export const RULES_BY_PACT_TYPE: Record<PactType, readonly EligibilityRule[]> = {
  AUTONOMY: ['AUTONOMY_AGE', 'AUTONOMY_UNEMPLOYED', 'SAME_TERRITORY', 'ONE_OPEN_PACT'],
  INCLUSION: ['INCLUSION_VULNERABLE', 'SAME_TERRITORY', 'ONE_OPEN_PACT'],
};

/** Short names of the rules, for lists and column headers. */
export const ELIGIBILITY_RULE_LABELS: Record<EligibilityRule, LocalizedText> = {
  AUTONOMY_AGE: { it: 'Età tra 19 e 39 anni', en: 'Aged 19 to 39' },
  AUTONOMY_UNEMPLOYED: { it: 'Senza lavoro', en: 'Without work' },
  INCLUSION_VULNERABLE: { it: 'Condizione di vulnerabilità', en: 'Vulnerable condition' },
  SAME_TERRITORY: { it: 'Stesso ambito del patto', en: 'Same territory as the pact' },
  ONE_OPEN_PACT: { it: 'Un solo patto aperto per tipo', en: 'One open pact per type' },
};

export interface EligibilityInput {
  type: PactType;
  /** The pact's territory. */
  territoryId?: number | null;
  /** The pact's start date; the reference date of the age rule (today when absent). */
  startDate?: string | null;
  /** Required for AUTONOMY; ignored for INCLUSION. */
  beneficiary?: {
    birthDate?: string | null;
    sex?: Sex | null;
    employmentStatus?: EmploymentStatus | null;
    territoryId?: number | null;
  } | null;
  /** Required for INCLUSION; ignored for AUTONOMY. */
  household?: {
    territoryId?: number | null;
    /** Euros, as a number or a decimal string ("9360.00"); null when unknown. */
    iseeEur?: number | string | null;
    vulnerable?: boolean | null;
    vulnerabilityReason?: string | null;
  } | null;
  /** Open pacts (DRAFT, SUBMITTED, ACTIVE, SUSPENDED) of the same type for the same
   *  beneficiary (AUTONOMY) or household (INCLUSION), not counting the pact evaluated. */
  otherOpenPacts: number;
  /** Territory names by id, to name them in messages ("Crema" rather than "n. 1"). */
  territoryNames?: Readonly<Record<number, string>>;
}

export interface EligibilityOptions {
  /** The calendar date used when the pact has no start date (default: today in Italy). */
  today?: string;
  /** The instant of the evaluation (default: now). */
  now?: Date;
  /** The ISEE threshold of INCLUSION_VULNERABLE, in euros (default 9,360.00). */
  iseeThresholdEur?: number;
}

export interface EligibilityCheck {
  rule: EligibilityRule;
  passed: boolean;
  /** The Italian message (the one shown on screen). */
  message: string;
  messages: LocalizedText;
}

export interface EligibilityEvaluation {
  eligible: boolean;
  ruleSetVersion: string;
  /** ISO 8601 UTC instant. */
  evaluatedAt: string;
  /** The date ages were computed on: the pact's start date, or today. */
  referenceDate: string;
  checks: EligibilityCheck[];
}

interface Context {
  input: EligibilityInput;
  referenceDate: string;
  thresholdCents: number;
}

type Outcome = { passed: boolean; messages: LocalizedText };

const EMPLOYMENT_STATUS_WORDS: Record<
  EmploymentStatus,
  { M: string; F: string; unknown: string; en: string }
> = {
  EMPLOYED: { M: 'occupato', F: 'occupata', unknown: 'occupato/a', en: 'employed' },
  UNEMPLOYED: { M: 'disoccupato', F: 'disoccupata', unknown: 'disoccupato/a', en: 'unemployed' },
  STUDENT: { M: 'studente', F: 'studentessa', unknown: 'studente/studentessa', en: 'student' },
  RETIRED: { M: 'pensionato', F: 'pensionata', unknown: 'pensionato/a', en: 'retired' },
  INACTIVE: { M: 'inattivo', F: 'inattiva', unknown: 'inattivo/a', en: 'inactive' },
};

const pass = (it: string, en: string): Outcome => ({ passed: true, messages: { it, en } });
const fail = (it: string, en: string): Outcome => ({ passed: false, messages: { it, en } });

/** Who the pact is for: "Il beneficiario" / "La beneficiaria" / "Il nucleo familiare" and "del …". */
function subjectOf({ type, beneficiary }: EligibilityInput): LocalizedText & { itOf: string } {
  if (type === 'INCLUSION') {
    return { it: 'Il nucleo familiare', itOf: 'del nucleo familiare', en: 'The household' };
  }
  return beneficiary?.sex === 'F'
    ? { it: 'La beneficiaria', itOf: 'della beneficiaria', en: 'The beneficiary' }
    : { it: 'Il beneficiario', itOf: 'del beneficiario', en: 'The beneficiary' };
}

/** The failed outcome saying that the pact's beneficiary (AUTONOMY) or household (INCLUSION) is missing; null when present. */
function requireSubject(input: EligibilityInput, purpose: LocalizedText): Outcome | null {
  if (input.type === 'AUTONOMY' && !input.beneficiary) {
    return fail(`Beneficiario non indicato: ${purpose.it}`, `No beneficiary: ${purpose.en}`);
  }
  if (input.type === 'INCLUSION' && !input.household) {
    return fail(`Nucleo familiare non indicato: ${purpose.it}`, `No household: ${purpose.en}`);
  }
  return null;
}

const AGE_RANGE = {
  it: `tra ${AUTONOMY_MIN_AGE} e ${AUTONOMY_MAX_AGE} anni`,
  en: `${AUTONOMY_MIN_AGE} to ${AUTONOMY_MAX_AGE} years`,
};

function autonomyAge({ input, referenceDate }: Context): Outcome {
  const missing = requireSubject(input, {
    it: `il Patto per l'Autonomia richiede un beneficiario di età ${AGE_RANGE.it}`,
    en: `the Autonomy Pact requires a beneficiary aged ${AGE_RANGE.en}`,
  });
  if (missing) return missing;
  const { itOf } = subjectOf(input);
  const birthDate = input.beneficiary?.birthDate;
  if (!birthDate) {
    return fail(
      `Data di nascita ${itOf} non indicata: serve per verificare l'età (${AGE_RANGE.it})`,
      `The beneficiary's birth date is missing: it is needed to check the age (${AGE_RANGE.en})`,
    );
  }
  if (!isIsoDate(birthDate)) {
    return fail(
      `Data di nascita ${itOf} non valida («${birthDate}»)`,
      `The beneficiary's birth date is not valid ('${birthDate}')`,
    );
  }
  const age = ageOn(birthDate, referenceDate);
  if (age < 0) {
    return fail(
      `La data di nascita (${birthDate}) è successiva alla data di riferimento (${referenceDate})`,
      `The birth date (${birthDate}) is after the reference date (${referenceDate})`,
    );
  }
  const years = yearsText(age);
  if (age >= AUTONOMY_MIN_AGE && age <= AUTONOMY_MAX_AGE) {
    return pass(
      `Età ${years.it} il ${referenceDate}: rientra ${AGE_RANGE.it}`,
      `Age ${years.en} on ${referenceDate}: within ${AGE_RANGE.en}`,
    );
  }
  return fail(
    `Età ${years.it} il ${referenceDate}: il Patto per l'Autonomia richiede ${AGE_RANGE.it}`,
    `Age ${years.en} on ${referenceDate}: the Autonomy Pact requires ${AGE_RANGE.en}`,
  );
}

function autonomyUnemployed({ input }: Context): Outcome {
  const missing = requireSubject(input, {
    it: 'impossibile verificare la condizione lavorativa',
    en: 'cannot check the employment status',
  });
  if (missing) return missing;
  const status = input.beneficiary?.employmentStatus;
  if (!status) {
    return fail(
      `Condizione lavorativa ${subjectOf(input).itOf} non indicata: il Patto per l'Autonomia è riservato a persone senza lavoro`,
      "The beneficiary's employment status is missing: the Autonomy Pact is for people without work",
    );
  }
  const words = EMPLOYMENT_STATUS_WORDS[status];
  const word = words[input.beneficiary?.sex ?? 'unknown'];
  if (status === 'UNEMPLOYED')
    return pass(`Condizione lavorativa: ${word}`, `Employment status: ${words.en}`);
  return fail(
    `Condizione lavorativa: ${word}. Il Patto per l'Autonomia è riservato a persone senza lavoro`,
    `Employment status: ${words.en}. The Autonomy Pact is for people without work`,
  );
}

function inclusionVulnerable({ input, thresholdCents }: Context): Outcome {
  if (!input.household) {
    return fail(
      "Nucleo familiare non indicato: il Patto per l'Inclusione Sociale richiede un nucleo in condizione di vulnerabilità",
      'No household: the Social Inclusion Pact requires a household in a vulnerable condition',
    );
  }
  const { iseeEur, vulnerable, vulnerabilityReason } = input.household;
  const cents = iseeEur === null || iseeEur === undefined ? null : eurosToCents(iseeEur);
  const threshold = formatEuroCents(thresholdCents);
  if (cents !== null && cents <= thresholdCents) {
    const isee = formatEuroCents(cents);
    return pass(
      `ISEE ${isee.it} entro la soglia di ${threshold.it}`,
      `ISEE ${isee.en} within the ${threshold.en} threshold`,
    );
  }
  const iseeText: LocalizedText =
    cents === null
      ? {
          it: `ISEE non disponibile (soglia ${threshold.it})`,
          en: `ISEE unknown (threshold ${threshold.en})`,
        }
      : {
          it: `ISEE ${formatEuroCents(cents).it} oltre la soglia di ${threshold.it}`,
          en: `ISEE ${formatEuroCents(cents).en} above the ${threshold.en} threshold`,
        };
  if (vulnerable === true && vulnerabilityReason?.trim()) {
    return pass(
      `${iseeText.it}, ma il servizio sociale ha registrato una valutazione di vulnerabilità motivata`,
      `${iseeText.en}, but a social worker has recorded a vulnerability assessment with a reason`,
    );
  }
  if (vulnerable === true) {
    return fail(
      `${iseeText.it}; la valutazione di vulnerabilità è registrata senza motivazione`,
      `${iseeText.en}; the vulnerability assessment has no reason`,
    );
  }
  return fail(
    `${iseeText.it} e nessuna valutazione di vulnerabilità registrata`,
    `${iseeText.en} and no vulnerability assessment recorded`,
  );
}

function sameTerritory({ input }: Context): Outcome {
  const missing = requireSubject(input, {
    it: "impossibile verificare l'ambito",
    en: 'cannot check the territory',
  });
  if (missing) return missing;
  const subject = subjectOf(input);
  const subjectTerritory =
    input.type === 'AUTONOMY' ? input.beneficiary?.territoryId : input.household?.territoryId;
  const name = (id: number) => input.territoryNames?.[id] ?? `n. ${id}`;
  if (input.territoryId === null || input.territoryId === undefined) {
    return fail('Ambito del patto non indicato', "The pact's territory is missing");
  }
  if (subjectTerritory === null || subjectTerritory === undefined) {
    return fail(
      `Ambito di residenza ${subject.itOf} non indicato`,
      `${subject.en}'s territory of residence is missing`,
    );
  }
  if (subjectTerritory === input.territoryId) {
    return pass(
      `${subject.it} risiede nell'ambito del patto (${name(input.territoryId)})`,
      `${subject.en} lives in the pact's territory (${name(input.territoryId)})`,
    );
  }
  return fail(
    `${subject.it} risiede in un ambito diverso da quello del patto (${name(subjectTerritory)} invece di ${name(input.territoryId)})`,
    `${subject.en} lives in a different territory from the pact's (${name(subjectTerritory)} instead of ${name(input.territoryId)})`,
  );
}

function oneOpenPact({ input }: Context): Outcome {
  const missing = requireSubject(input, {
    it: 'impossibile verificare gli altri patti aperti',
    en: 'cannot check for other open pacts',
  });
  if (missing) return missing;
  const subject = subjectOf(input);
  const pact = PACT_TYPE_LABELS[input.type];
  const n = input.otherOpenPacts;
  if (n <= 0) {
    return pass(
      `Nessun altro ${pact.it} aperto per ${lowerFirst(subject.it)}`,
      `No other open ${pact.en} for ${lowerFirst(subject.en)}`,
    );
  }
  return fail(
    n === 1
      ? `${subject.it} ha già un altro ${pact.it} aperto`
      : `${subject.it} ha già ${n} altri ${pact.it.replace('Patto', 'Patti')} aperti`,
    n === 1
      ? `${subject.en} already has another open ${pact.en}`
      : `${subject.en} already has ${n} other open ${pact.en}s`,
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const RULES: Record<EligibilityRule, (context: Context) => Outcome> = {
  AUTONOMY_AGE: autonomyAge,
  AUTONOMY_UNEMPLOYED: autonomyUnemployed,
  INCLUSION_VULNERABLE: inclusionVulnerable,
  SAME_TERRITORY: sameTerritory,
  ONE_OPEN_PACT: oneOpenPact,
};

/** Evaluates every rule of the pact's type; eligible when all pass. */
export function evaluateEligibility(
  input: EligibilityInput,
  options: EligibilityOptions = {},
): EligibilityEvaluation {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  const referenceDate = input.startDate && isIsoDate(input.startDate) ? input.startDate : today;
  const thresholdCents =
    eurosToCents(options.iseeThresholdEur ?? DEFAULT_ISEE_THRESHOLD_EUR) ??
    DEFAULT_ISEE_THRESHOLD_EUR * 100;
  const context: Context = { input, referenceDate, thresholdCents };
  const checks = RULES_BY_PACT_TYPE[input.type].map((rule): EligibilityCheck => {
    const { passed, messages } = RULES[rule](context);
    return { rule, passed, message: messages.it, messages };
  });
  return {
    eligible: checks.every((c) => c.passed),
    ruleSetVersion: RULE_SET_VERSION,
    evaluatedAt: now.toISOString(),
    referenceDate,
    checks,
  };
}
