import { createHash } from 'node:crypto';
import {
  ELIGIBILITY_RULE_LABELS,
  PACT_TYPE_LABELS,
  italianDate,
  type EligibilityEvaluation,
  type MilestoneStatus,
  type PactStatus,
  type PactType,
} from '@generattivi/shared';
import { canonicalJson } from '../common/canonical-json';

/** A person named in the pact. */
export interface PersonSource {
  id: number;
  firstName: string;
  lastName: string;
  fiscalCode: string;
  birthDate: string;
  municipality: string;
}

/**
 * What the printed pact is made from, as read from the database at one version: the pact, its
 * milestones and its parties. The fingerprint is computed over exactly this.
 */
export interface PactDocumentSource {
  pact: {
    id: number;
    version: number;
    type: PactType;
    reference: string;
    status: PactStatus;
    title: string;
    objectives: string;
    citizenCommitments: string;
    communityCommitments: string;
    startDate: string | null;
    plannedEndDate: string | null;
    eligibility: EligibilityEvaluation | null;
  };
  territory: { id: number; name: string };
  beneficiary: PersonSource | null;
  household: {
    id: number;
    name: string;
    municipality: string;
    membersCount: number;
    members: PersonSource[];
  } | null;
  socialWorker: { id: number; fullName: string } | null;
  communityMaker: { id: number; fullName: string } | null;
  communityLab: { id: number; name: string } | null;
  milestones: Array<{
    id: number;
    version: number;
    title: string;
    description: string;
    dueDate: string;
    status: MilestoneStatus;
    achievedAt: string | null;
  }>;
}

/** A labelled line of the parties' section ("Assistente sociale: Maria Rossi"). */
export interface LabelledLine {
  label: string;
  text: string;
}

/** What the PDF draws, already in Italian: every text a reader sees is here. */
export interface PactDocumentContent {
  /** "Patto per l'Autonomia" / "Patto per l'Inclusione Sociale". */
  heading: string;
  reference: string;
  version: number;
  title: string;
  territory: string;
  /** Where the citizen (or the household) lives: the place of the signatures. */
  municipality: string;
  parties: {
    /** The beneficiary, or the household and its reference person. */
    citizen: LabelledLine[];
    /** The members of the household (INCLUSION), one line each. */
    members: string[];
    staff: LabelledLine[];
  };
  objectives: string;
  citizenCommitments: string;
  communityCommitments: string;
  milestones: Array<{ number: number; title: string; due: string; description: string }>;
  duration: string;
  eligibility: { intro: string; rules: LabelledLine[] };
  privacy: string;
  /** The signatories, each a line to sign on. */
  signatures: string[];
  /** First 16 hex digits of the SHA-256 of the source's canonical JSON. */
  fingerprint: string;
}

/** Who asked for the document is not part of it: the same record gives the same fingerprint. */
export function pactFingerprint(source: PactDocumentSource): string {
  return createHash('sha256').update(canonicalJson(source)).digest('hex').slice(0, 16);
}

/** A message's ISO dates (`2026-03-01`) written as dd/mm/yyyy. */
function withItalianDates(text: string): string {
  return text.replace(
    /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    (_m, y: string, mo: string, d: string) => `${d}/${mo}/${y}`,
  );
}

const MILESTONE_STATUS: Record<MilestoneStatus, string> = {
  PENDING: '',
  ACHIEVED: 'raggiunta',
  MISSED: 'non raggiunta',
  CANCELLED: 'annullata',
};

const NOT_GIVEN = 'Non indicato';

function personLine(p: PersonSource): string {
  return `${p.firstName} ${p.lastName}, codice fiscale ${p.fiscalCode}, nato/a il ${italianDate(
    p.birthDate,
  )}, residente a ${p.municipality}`;
}

function citizenLines(source: PactDocumentSource): LabelledLine[] {
  const { beneficiary, household } = source;
  const lines: LabelledLine[] = [];
  if (household) {
    lines.push({
      label: 'Nucleo familiare',
      text: `${household.name}, ${household.municipality} (${household.membersCount} ${
        household.membersCount === 1 ? 'componente' : 'componenti'
      })`,
    });
  }
  if (beneficiary) {
    lines.push({
      label: household ? 'Persona di riferimento' : 'Beneficiario/a',
      text: personLine(beneficiary),
    });
  }
  if (!household && !beneficiary) lines.push({ label: 'Beneficiario/a', text: NOT_GIVEN });
  return lines;
}

function durationText(start: string | null, end: string | null): string {
  if (start && end) return `Dal ${italianDate(start)} al ${italianDate(end)} (fine prevista).`;
  if (start) return `Dal ${italianDate(start)}; data di fine prevista da definire.`;
  return 'Date di inizio e di fine da definire.';
}

function eligibilityOf(
  evaluation: EligibilityEvaluation | null,
): PactDocumentContent['eligibility'] {
  if (!evaluation) {
    return { intro: 'I requisiti di accesso non sono ancora stati valutati.', rules: [] };
  }
  const evaluated = italianDate(evaluation.evaluatedAt);
  return {
    intro:
      `Requisiti valutati il ${evaluated} con le regole nella versione ${evaluation.ruleSetVersion}` +
      `, alla data di riferimento del ${italianDate(evaluation.referenceDate)}: ` +
      (evaluation.eligible ? 'tutti soddisfatti.' : 'non tutti soddisfatti.'),
    rules: evaluation.checks.map((check) => ({
      label: ELIGIBILITY_RULE_LABELS[check.rule]?.it ?? check.rule,
      text: `${check.passed ? 'soddisfatto' : 'non soddisfatto'}. ${withItalianDates(
        check.messages?.it ?? check.message,
      )}`,
    })),
  };
}

/** The privacy notice given to the citizen who signs (art. 13 of Regulation (EU) 2016/679). */
function privacyNotice(territory: string): string {
  return (
    `I dati personali riportati in questo patto sono trattati dall'ente capofila dell'ambito territoriale (${territory}), ` +
    'titolare del trattamento, per definire, accompagnare e verificare il percorso concordato nel ' +
    "progetto «Fare Legami», nell'esecuzione di compiti di interesse pubblico in materia di servizi " +
    'sociali (art. 6, par. 1, lett. e, e art. 9, par. 2, lett. g, del Regolamento UE 2016/679). ' +
    'Il conferimento dei dati è necessario per sottoscrivere e attuare il patto. I dati sono trattati ' +
    'da personale autorizzato, anche con strumenti informatici, sono comunicati soltanto a chi ' +
    "partecipa all'attuazione del patto (servizio sociale, community maker, laboratorio di comunità) " +
    'e sono conservati per il tempo previsto dalla normativa, dopo il quale sono resi anonimi. ' +
    "L'interessato può chiedere in ogni momento l'accesso ai propri dati, la loro rettifica, la " +
    'cancellazione o la limitazione del trattamento, opporsi al trattamento e proporre reclamo al ' +
    'Garante per la protezione dei dati personali.'
  );
}

/** The printed pact's content, in Italian, from what the record holds at one version. */
export function pactDocumentContent(source: PactDocumentSource): PactDocumentContent {
  const { pact, household, beneficiary } = source;
  const municipality =
    household?.municipality ?? beneficiary?.municipality ?? source.territory.name;
  const milestones = [...source.milestones].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id,
  );
  const staff: LabelledLine[] = [
    { label: 'Assistente sociale responsabile', text: source.socialWorker?.fullName ?? NOT_GIVEN },
    { label: 'Community maker', text: source.communityMaker?.fullName ?? NOT_GIVEN },
    { label: 'Laboratorio di comunità', text: source.communityLab?.name ?? NOT_GIVEN },
  ];
  return {
    heading: PACT_TYPE_LABELS[pact.type].it,
    reference: pact.reference,
    version: pact.version,
    title: pact.title,
    territory: source.territory.name,
    municipality,
    parties: {
      citizen: citizenLines(source),
      members: (household?.members ?? []).map(personLine),
      staff,
    },
    objectives: pact.objectives.trim() || 'Non indicati.',
    citizenCommitments: pact.citizenCommitments.trim() || 'Non indicati.',
    communityCommitments: pact.communityCommitments.trim() || 'Non indicati.',
    milestones: milestones.map((m, i) => {
      const state = MILESTONE_STATUS[m.status];
      const achieved =
        m.status === 'ACHIEVED' && m.achievedAt ? ` il ${italianDate(m.achievedAt)}` : '';
      return {
        number: i + 1,
        title: m.title,
        due: `entro il ${italianDate(m.dueDate)}${state ? ` (${state}${achieved})` : ''}`,
        description: m.description.trim(),
      };
    }),
    duration: durationText(pact.startDate, pact.plannedEndDate),
    eligibility: eligibilityOf(pact.eligibility),
    privacy: privacyNotice(source.territory.name),
    signatures: [
      household ? 'Per il nucleo familiare' : 'Il/La beneficiario/a',
      `L'assistente sociale${source.socialWorker ? ` (${source.socialWorker.fullName})` : ''}`,
      `Il community maker${source.communityMaker ? ` (${source.communityMaker.fullName})` : ''}`,
    ],
    fingerprint: pactFingerprint(source),
  };
}
