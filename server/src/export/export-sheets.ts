/**
 * What each collection's export holds: where its rows come from (the list's own scoped query
 * and spec), the records each row names, and its columns in Italian, per role.
 */
import {
  ITALIAN_LABELS,
  PACT_TYPE_LABELS,
  type EligibilityEvaluation,
  type PactStatus,
} from '@generattivi/shared';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../auth/caller';
import { scopedQuery } from '../auth/scope';
import type { ListSpec, RawListParams } from '../common/list-query';
import { BENEFICIARY_LIST, beneficiaryListSpec } from '../beneficiaries/beneficiaries.service';
import { toBeneficiaryRecord, type BeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { Household } from '../households/household.entity';
import { HOUSEHOLD_LIST } from '../households/households.service';
import { Milestone } from '../milestones/milestone.entity';
import { toMilestoneRecord } from '../milestones/milestone.record';
import { MILESTONE_LIST, milestoneListQuery } from '../milestones/milestones.service';
import { Note } from '../notes/note.entity';
import { NOTE_LIST } from '../notes/notes.service';
import { pactListSpec } from '../pacts/pact-list';
import { Pact } from '../pacts/pact.entity';
import { text, typed, type ExportColumn } from './export-cells';

/** Names of the records an export's rows refer to, by id (see ExportService.lookups). */
export interface Lookups {
  territories: Map<number, string>;
  users: Map<number, string>;
  beneficiaries: Map<number, string>;
  households: Map<number, string>;
  pacts: Map<number, { reference: string; status: PactStatus }>;
  /** Milestones still to reach, by pact. */
  openMilestones: Map<number, number>;
}

/** Ids a batch needs looked up (territories are few and always loaded whole). */
export type Refs = Partial<Record<Exclude<keyof Lookups, 'territories'>, number[]>>;

export type Cell<R> = ExportColumn<{ row: R; names: Lookups }>;

export interface Sheet<E extends ObjectLiteral = ObjectLiteral, R = E> {
  /** The collection, as in the API path and the permission table. */
  collection: 'pacts' | 'beneficiaries' | 'households' | 'milestones' | 'notes';
  /** The file name's start: patti-2026-12-06.csv. */
  fileName: string;
  /** The list's scoped query, its spec and the filters left for it (as the list builds them). */
  source(
    dataSource: DataSource,
    caller: Caller,
    raw: RawListParams,
  ): { qb: SelectQueryBuilder<E>; spec: ListSpec; raw: RawListParams };
  /** The row as the caller may read it (masked as the list answers it). */
  toRow(entity: E, caller: Caller): R;
  refs(rows: E[]): Refs;
  columns(caller: Caller): Cell<R>[];
}

const integer = typed('integer');
const amount = typed('amount');
const date = typed('date');
const instant = typed('instant');
const boolean = typed('boolean');

const ids = (values: Array<number | null | undefined>): number[] => [
  ...new Set(values.filter((v): v is number => typeof v === 'number')),
];
const nameOf = (map: Map<number, string>, id: number | null | undefined) =>
  id === null || id === undefined ? '' : (map.get(id) ?? '');

/** "Ammissibile", or "Non ammissibile: " and the failing checks' messages; empty before any check. */
export function eligibilitySummary(evaluation: EligibilityEvaluation | null): string {
  if (!evaluation) return '';
  if (evaluation.eligible) return 'Ammissibile';
  const failed = evaluation.checks.filter((c) => !c.passed).map((c) => c.messages.it);
  return failed.length ? `Non ammissibile: ${failed.join('; ')}` : 'Non ammissibile';
}

/** The outcome of a closed pact, or its termination reason, in Italian. */
function outcomeLabel(outcome: string | null): string {
  if (!outcome) return '';
  const labels: Record<string, string> = {
    ...ITALIAN_LABELS.outcome,
    ...ITALIAN_LABELS.terminationCode,
  };
  return labels[outcome] ?? outcome;
}

const pactReference = (names: Lookups, id: number) => names.pacts.get(id)?.reference ?? '';

const PACTS: Sheet<Pact> = {
  collection: 'pacts',
  fileName: 'patti',
  source: (dataSource, caller, raw) => ({
    qb: scopedQuery(dataSource.getRepository(Pact), pactListSpec(caller), {
      caller,
      kind: 'pacts',
    }),
    spec: pactListSpec(caller),
    raw,
  }),
  toRow: (pact) => pact,
  refs: (rows) => ({
    users: ids(rows.flatMap((p) => [p.communityMakerId, p.socialWorkerId])),
    beneficiaries: ids(rows.map((p) => p.beneficiaryId)),
    households: ids(rows.map((p) => p.householdId)),
    openMilestones: ids(rows.map((p) => p.id)),
  }),
  columns: () => [
    text('Riferimento', ({ row }) => row.reference),
    text('Tipo', ({ row }) => PACT_TYPE_LABELS[row.type].it),
    text('Stato', ({ row }) => ITALIAN_LABELS.pactStatus[row.status]),
    text('Titolo', ({ row }) => row.title),
    text('Beneficiario o nucleo', ({ row, names }) =>
      row.beneficiaryId !== null
        ? nameOf(names.beneficiaries, row.beneficiaryId)
        : nameOf(names.households, row.householdId),
    ),
    text('Ambito', ({ row, names }) => nameOf(names.territories, row.territoryId)),
    date('Data di inizio', ({ row }) => row.startDate),
    date('Fine prevista', ({ row }) => row.plannedEndDate),
    text('Community maker', ({ row, names }) => nameOf(names.users, row.communityMakerId)),
    text('Assistente sociale', ({ row, names }) => nameOf(names.users, row.socialWorkerId)),
    integer('Avanzamento %', ({ row }) => row.progress),
    integer('Tappe da raggiungere', ({ row, names }) => names.openMilestones.get(row.id) ?? 0),
    text('Ammissibilità', ({ row }) => eligibilitySummary(row.eligibility)),
    text('Esito', ({ row }) => outcomeLabel(row.outcome)),
    instant('Inviato il', ({ row }) => row.submittedAt),
    instant('Approvato il', ({ row }) => row.approvedAt),
    instant('Chiuso il', ({ row }) => row.closedAt),
    instant('Ultima nota', ({ row }) => row.lastNoteAt),
  ],
};

type BeneficiaryRow = { row: BeneficiaryRecord; names: Lookups };

/**
 * A manager's rows are the masked records (initials, the year of birth) without the contact
 * columns; community makers export no list of people.
 */
const BENEFICIARIES: Sheet<Beneficiary, BeneficiaryRecord> = {
  collection: 'beneficiaries',
  fileName: 'beneficiari',
  source: (dataSource, caller, raw) => ({
    qb: scopedQuery(dataSource.getRepository(Beneficiary), BENEFICIARY_LIST, {
      caller,
      kind: 'beneficiaries',
    }),
    spec: beneficiaryListSpec(caller, raw),
    raw,
  }),
  toRow: (b, caller) => toBeneficiaryRecord(b, caller),
  refs: (rows) => ({ households: ids(rows.map((b) => b.householdId)) }),
  columns: (caller) => {
    const contacts = caller.role !== 'MANAGER';
    return [
      text<BeneficiaryRow>('Cognome', ({ row }) => row.lastName),
      text('Nome', ({ row }) => row.firstName),
      text('Codice fiscale', ({ row }) => row.fiscalCode),
      contacts
        ? date<BeneficiaryRow>('Data di nascita', ({ row }) => row.birthDate)
        : integer<BeneficiaryRow>('Anno di nascita', ({ row }) => row.birthYear),
      text('Sesso', ({ row }) => ITALIAN_LABELS.sex[row.sex]),
      text('Ambito', ({ row, names }) => nameOf(names.territories, row.territoryId)),
      text('Comune', ({ row }) => row.municipality),
      ...(contacts
        ? [
            text<BeneficiaryRow>('Indirizzo', ({ row }) => row.address),
            text<BeneficiaryRow>('Telefono', ({ row }) => row.phone),
            text<BeneficiaryRow>('Email', ({ row }) => row.email),
          ]
        : []),
      text('Condizione occupazionale', ({ row }) =>
        row.employmentStatus ? ITALIAN_LABELS.employmentStatus[row.employmentStatus] : '',
      ),
      text('Nucleo', ({ row, names }) => nameOf(names.households, row.householdId)),
    ];
  },
};

const HOUSEHOLDS: Sheet<Household> = {
  collection: 'households',
  fileName: 'nuclei',
  source: (dataSource, caller, raw) => ({
    qb: scopedQuery(dataSource.getRepository(Household), HOUSEHOLD_LIST, {
      caller,
      kind: 'households',
    }),
    spec: HOUSEHOLD_LIST,
    raw,
  }),
  toRow: (household) => household,
  refs: (rows) => ({ users: ids(rows.map((h) => h.assessedById)) }),
  columns: () => [
    text('Nome', ({ row }) => row.name),
    text('Ambito', ({ row, names }) => nameOf(names.territories, row.territoryId)),
    text('Comune', ({ row }) => row.municipality),
    integer('Componenti', ({ row }) => row.membersCount),
    amount('ISEE (€)', ({ row }) => row.iseeEur),
    boolean('Vulnerabile', ({ row }) => row.vulnerable),
    text('Motivo della vulnerabilità', ({ row }) => row.vulnerabilityReason),
    text('Valutato da', ({ row, names }) => nameOf(names.users, row.assessedById)),
    instant('Valutato il', ({ row }) => row.assessedAt),
  ],
};

const MILESTONES: Sheet<Milestone> = {
  collection: 'milestones',
  fileName: 'tappe',
  source: (dataSource, caller, raw) => {
    const { qb, rest } = milestoneListQuery(dataSource.getRepository(Milestone), caller, raw);
    return { qb, spec: MILESTONE_LIST, raw: rest };
  },
  toRow: (milestone) => milestone,
  refs: (rows) => ({ pacts: ids(rows.map((m) => m.pactId)) }),
  columns: () => [
    text('Patto', ({ row, names }) => pactReference(names, row.pactId)),
    text('Titolo', ({ row }) => row.title),
    text('Descrizione', ({ row }) => row.description),
    date('Scadenza', ({ row }) => row.dueDate),
    text('Stato', ({ row }) => ITALIAN_LABELS.milestoneStatus[row.status]),
    boolean('In ritardo', ({ row, names }) => {
      const status = names.pacts.get(row.pactId)?.status;
      return status ? toMilestoneRecord(row, status).overdue : null;
    }),
    date('Raggiunta il', ({ row }) => row.achievedAt),
    text('Evidenza', ({ row }) => row.evidence),
  ],
};

const NOTES: Sheet<Note> = {
  collection: 'notes',
  fileName: 'note',
  source: (dataSource, caller, raw) => ({
    qb: scopedQuery(dataSource.getRepository(Note), NOTE_LIST, { caller, kind: 'pact-children' }),
    spec: NOTE_LIST,
    raw,
  }),
  toRow: (note) => note,
  refs: (rows) => ({
    pacts: ids(rows.map((n) => n.pactId)),
    users: ids(rows.map((n) => n.authorId)),
  }),
  columns: () => [
    text('Patto', ({ row, names }) => pactReference(names, row.pactId)),
    instant('Data', ({ row }) => row.occurredAt),
    text('Tipo', ({ row }) => ITALIAN_LABELS.noteKind[row.kind]),
    text('Autore', ({ row, names }) => nameOf(names.users, row.authorId)),
    text('Testo', ({ row }) => row.body),
  ],
};

export const SHEETS = {
  pacts: PACTS,
  beneficiaries: BENEFICIARIES,
  households: HOUSEHOLDS,
  milestones: MILESTONES,
  notes: NOTES,
} as const;
