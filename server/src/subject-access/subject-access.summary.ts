import {
  ITALIAN_LABELS,
  PACT_TYPE_LABELS,
  PROJECT_TIME_ZONE,
  italianDate,
  type AuditAction,
  type DocumentRecord,
  type MilestoneStatus,
  type NoteKind,
  type PactStatus,
  type PactType,
} from '@generattivi/shared';
import type { FullBeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import type { LabelledLine } from '../pact-document/pact-document.content';

/** The first items of a list, and whether there were more. */
export interface Capped<T> {
  items: T[];
  more: boolean;
}

/** The first `cap` items of `source` (read no further than one past them). */
export async function takeCapped<T>(source: AsyncIterable<T>, cap: number): Promise<Capped<T>> {
  const items: T[] = [];
  for await (const item of source) {
    if (items.length === cap) return { items, more: true };
    items.push(item);
  }
  return { items, more: false };
}

export interface SummaryPact {
  reference: string;
  type: PactType;
  status: PactStatus;
  title: string;
  startDate: string | null;
  plannedEndDate: string | null;
  closedAt: string | null;
  milestones: Capped<{ title: string; dueDate: string; status: MilestoneStatus }>;
  notes: Capped<{ occurredAt: string; kind: NoteKind; authorId: number; body: string }>;
  assignments: Capped<{ communityMakerId: number; startedAt: string; endedAt: string | null }>;
}

/** What the printed summary is made from: the first items of each list, and users' names. */
export interface SummarySource {
  generatedAt: string;
  person: FullBeneficiaryRecord;
  territory: string;
  household: { name: string; municipality: string; members: string[] } | null;
  pacts: Capped<SummaryPact>;
  documents: Capped<Pick<DocumentRecord, 'fileName' | 'kind' | 'ownerType' | 'createdAt'>>;
  accessLog: Capped<{ at: string; actorId: number; entityType: string; entityId: number }>;
  auditEvents: Capped<{
    at: string;
    actorId: number | null;
    action: string;
    entityType: string;
    entityId: number | null;
  }>;
  userNames: ReadonlyMap<number, string>;
}

export interface SummarySection {
  heading: string;
  lines: Array<LabelledLine | string>;
}

export interface SummaryContent {
  title: string;
  subtitle: string;
  sections: SummarySection[];
  footer: string;
}

/** The records of the trail and of the access log, as a person reads them. */
const RECORD_LABELS: Record<string, string> = {
  beneficiaries: 'Scheda della persona',
  households: 'Nucleo familiare',
  pacts: 'Patto',
  milestones: 'Tappa',
  notes: 'Nota di diario',
  assignments: 'Incarico',
  documents: 'Documento',
};

const TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: PROJECT_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant in Italian time: `25/11/2026 13:30`. */
export function italianDateTime(instant: string): string {
  return `${italianDate(instant)} ${TIME.format(new Date(instant))}`;
}

const day = (date: string | null) => (date ? italianDate(date) : '—');
const record = (type: string, id: number | null) =>
  `${RECORD_LABELS[type] ?? type}${id === null ? '' : ` n. ${id}`}`;
const MORE = 'L’elenco prosegue: l’elenco completo è nel file dati.json.';

function userName(source: SummarySource, id: number | null): string {
  if (id === null) return 'il sistema';
  return source.userNames.get(id) ?? `utente n. ${id}`;
}

function listed<T>(list: Capped<T>, line: (item: T) => string, empty: string): string[] {
  if (list.items.length === 0) return [empty];
  return [...list.items.map(line), ...(list.more ? [MORE] : [])];
}

function personSection(source: SummarySource): SummarySection {
  const p = source.person;
  const optional = (label: string, text: string | null | undefined) =>
    text ? [{ label, text }] : [];
  return {
    heading: 'Dati anagrafici e di contatto',
    lines: [
      { label: 'Cognome e nome', text: `${p.lastName} ${p.firstName}` },
      { label: 'Codice fiscale', text: p.fiscalCode },
      { label: 'Data di nascita', text: italianDate(p.birthDate) },
      { label: 'Sesso', text: ITALIAN_LABELS.sex[p.sex] },
      { label: 'Comune', text: p.municipality },
      { label: 'Ambito territoriale', text: source.territory },
      ...optional('Indirizzo', p.address),
      ...optional('Telefono', p.phone),
      ...optional('Email', p.email),
      {
        label: 'Condizione occupazionale',
        text: ITALIAN_LABELS.employmentStatus[p.employmentStatus],
      },
      { label: 'Scheda creata il', text: italianDate(p.createdAt) },
    ],
  };
}

function householdSection(source: SummarySource): SummarySection {
  const h = source.household;
  if (!h) return { heading: 'Nucleo familiare', lines: ['La persona non fa parte di un nucleo.'] };
  return {
    heading: 'Nucleo familiare',
    lines: [
      { label: 'Nucleo', text: h.name },
      { label: 'Comune', text: h.municipality },
      { label: 'Componenti', text: h.members.join(', ') || '—' },
    ],
  };
}

function pactLines(source: SummarySource, pact: SummaryPact): Array<LabelledLine | string> {
  return [
    {
      label: `Patto ${pact.reference}`,
      text: `${pact.title} (${PACT_TYPE_LABELS[pact.type].it}; ${ITALIAN_LABELS.pactStatus[pact.status]})`,
    },
    {
      label: 'Periodo',
      text: `dal ${day(pact.startDate)} al ${day(pact.plannedEndDate)}${pact.closedAt ? `, chiuso il ${day(pact.closedAt)}` : ''}`,
    },
    'Tappe:',
    ...listed(
      pact.milestones,
      (m) =>
        `• ${m.title}, entro il ${day(m.dueDate)} (${ITALIAN_LABELS.milestoneStatus[m.status]})`,
      '• nessuna',
    ),
    'Diario:',
    ...listed(
      pact.notes,
      (n) =>
        `• ${day(n.occurredAt)}, ${ITALIAN_LABELS.noteKind[n.kind]} di ${userName(source, n.authorId)}: ${n.body}`,
      '• nessuna nota',
    ),
    'Incarichi:',
    ...listed(
      pact.assignments,
      (a) =>
        `• ${userName(source, a.communityMakerId)}, dal ${day(a.startedAt)}${a.endedAt ? ` al ${day(a.endedAt)}` : ''}`,
      '• nessuno',
    ),
  ];
}

/** The readable summary of everything held about a person (GDPR art. 15), in Italian. */
export function subjectAccessSummary(source: SummarySource): SummaryContent {
  const { person } = source;
  const name = `${person.lastName} ${person.firstName}`;
  return {
    title: 'Dati dell’interessato',
    subtitle: `${name} · riepilogo del ${italianDateTime(source.generatedAt)} (art. 15 del Regolamento UE 2016/679)`,
    sections: [
      personSection(source),
      householdSection(source),
      {
        heading: 'Patti',
        lines: source.pacts.items.length
          ? [
              ...source.pacts.items.flatMap((pact) => pactLines(source, pact)),
              ...(source.pacts.more ? [MORE] : []),
            ]
          : ['Nessun patto.'],
      },
      {
        heading: 'Documenti',
        lines: listed(
          source.documents,
          (d) =>
            `• ${d.fileName} (${ITALIAN_LABELS.documentKind[d.kind]}, ${RECORD_LABELS[d.ownerType] ?? d.ownerType}), caricato il ${day(d.createdAt)}`,
          'Nessun documento.',
        ),
      },
      {
        heading: 'Chi ha consultato i dati',
        lines: listed(
          source.accessLog,
          (e) =>
            `• ${italianDateTime(e.at)}: ${userName(source, e.actorId)} ha consultato ${record(e.entityType, e.entityId)}`,
          'Nessuna consultazione registrata.',
        ),
      },
      {
        heading: 'Operazioni registrate',
        lines: listed(
          source.auditEvents,
          (e) =>
            `• ${italianDateTime(e.at)}: ${ITALIAN_LABELS.auditAction[e.action as AuditAction] ?? e.action} di ${record(e.entityType, e.entityId)} da parte di ${userName(source, e.actorId)}`,
          'Nessuna operazione registrata.',
        ),
      },
    ],
    footer: `Dati dell’interessato · ${name}`,
  };
}
