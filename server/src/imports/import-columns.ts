/**
 * The columns of each import, as the templates give them (Italian headings, the same as the
 * exports'), and the matching of a file's header row to them: case, accents, spaces and
 * punctuation do not count; a heading that matches none is ignored with a warning naming the
 * closest known one.
 */
import type { FieldError } from '@generattivi/shared';
import { distance } from 'fastest-levenshtein';
import { fieldError } from '../common/error-body';
import type { ImportKind } from '@generattivi/shared';

export interface ImportColumn {
  /** The Italian heading of the template. */
  header: string;
  /** The field it fills (the API's name, or the import's own: externalCode, householdCode…). */
  field: string;
  required: boolean;
  /** What to write there (the «Istruzioni» sheet). */
  help: string;
  /** The template's sample row. */
  sample: string | number;
}

const column = (
  header: string,
  field: string,
  required: boolean,
  help: string,
  sample: string | number,
): ImportColumn => ({ header, field, required, help, sample });

const EXTERNAL_CODE = (what: string, sample: string) =>
  column(
    'Codice esterno',
    'externalCode',
    true,
    `Il codice ${what} nel vostro foglio, unico: reimportando il file, la riga aggiorna ${what} che ha creato.`,
    sample,
  );
const TERRITORY = column(
  'Ambito',
  'territoryId',
  true,
  'Crema, Cremona o Casalmaggiore. Un assistente sociale importa solo nei propri ambiti.',
  'Crema',
);
const MUNICIPALITY = column('Comune', 'municipality', true, "Un comune dell'ambito.", 'Crema');

/** How many milestones a pact's row carries, each in two columns (title, due date). */
export const IMPORT_MILESTONES = 5;

/** The two columns of the pact's milestone `n` (1-based). */
export const milestoneFields = (n: number) => ({
  title: `milestone${n}Title`,
  dueDate: `milestone${n}DueDate`,
});

const MILESTONE_SAMPLES = [
  ['Colloquio al Centro per l’impiego', '15/01/2027'],
  ['Inizio del corso di formazione', '01/03/2027'],
];

const PACT_COLUMNS: ImportColumn[] = [
  EXTERNAL_CODE('del patto', 'PAT-001'),
  column('Tipo di patto', 'type', true, 'Autonomia o Inclusione.', 'Autonomia'),
  column(
    'Stato',
    'status',
    false,
    'Bozza (vuoto: Bozza) o Attivo. Attivo è un patto già in corso, firmato su carta prima di GenerAttivi: entra attivo senza passare dall’approvazione, purché abbia community maker, almeno una tappa, data di inizio e di fine prevista e i requisiti di ammissibilità alla data di inizio; la copia firmata si può allegare dopo. Una Bozza entra anche se un requisito manca (il patto lo mostra); reimportando, una Bozza può diventare Attivo, non il contrario.',
    'Bozza',
  ),
  TERRITORY,
  column(
    'Codice fiscale beneficiario',
    'beneficiaryId',
    false,
    'Obbligatorio per un patto per l’Autonomia; per l’Inclusione è la persona di riferimento, facoltativa. La persona deve essere già importata, in un vostro ambito.',
    'RSSMRA85T50D142S',
  ),
  column(
    'Nucleo (codice esterno)',
    'householdId',
    false,
    'Obbligatorio per un patto per l’Inclusione: il codice esterno di un nucleo già importato, in un vostro ambito.',
    '',
  ),
  column(
    'Titolo',
    'title',
    true,
    'Il titolo del patto (da 3 a 200 caratteri).',
    'Percorso verso il lavoro',
  ),
  column('Obiettivi', 'objectives', false, 'Facoltativo.', 'Trovare un impiego stabile'),
  column('Impegni del cittadino', 'citizenCommitments', false, 'Facoltativo.', ''),
  column('Impegni della comunità', 'communityCommitments', false, 'Facoltativo.', ''),
  column(
    'Data di inizio',
    'startDate',
    false,
    'gg/mm/aaaa, o una data di Excel; obbligatoria per un patto Attivo. L’età per l’Autonomia (19–39 anni) si calcola a questa data.',
    '01/12/2026',
  ),
  column(
    'Data di fine prevista',
    'plannedEndDate',
    false,
    'gg/mm/aaaa, o una data di Excel, dopo la data di inizio; obbligatoria per un patto Attivo.',
    '30/06/2027',
  ),
  column(
    'Assistente sociale (email)',
    'socialWorkerId',
    false,
    'L’email di un assistente sociale attivo dell’ambito; vuoto: chi importa, se è un assistente sociale.',
    '',
  ),
  column(
    'Community maker (email)',
    'communityMakerId',
    false,
    'L’email di un community maker attivo dell’ambito, che seguirà il patto; obbligatorio per un patto Attivo. Reimportando con un’altra email, il patto passa a quel community maker.',
    'anna.verdi@comune.esempio.it',
  ),
  ...Array.from({ length: IMPORT_MILESTONES }, (_, i) => {
    const n = i + 1;
    const fields = milestoneFields(n);
    const [title, dueDate] = MILESTONE_SAMPLES[i] ?? ['', ''];
    return [
      column(
        `Tappa ${n} – titolo`,
        fields.title,
        false,
        n === 1
          ? 'Facoltativa (almeno una per un patto Attivo): il titolo della tappa, con la sua scadenza nella colonna accanto. Reimportando, una tappa con lo stesso titolo aggiorna la scadenza, una nuova si aggiunge; togliere una tappa dal foglio non la cancella dal patto.'
          : `Facoltativa: come la tappa 1.`,
        title,
      ),
      column(
        `Tappa ${n} – scadenza`,
        fields.dueDate,
        false,
        'gg/mm/aaaa, o una data di Excel: obbligatoria se la tappa ha un titolo.',
        dueDate,
      ),
    ];
  }).flat(),
];

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  beneficiaries: [
    column('Cognome', 'lastName', true, 'Il cognome.', 'Rossi'),
    column('Nome', 'firstName', true, 'Il nome.', 'Maria'),
    column(
      'Codice fiscale',
      'fiscalCode',
      true,
      'Il codice fiscale (16 caratteri), coerente con data di nascita e sesso: identifica la persona, reimportando la si aggiorna.',
      'RSSMRA85T50D142S',
    ),
    column('Data di nascita', 'birthDate', true, 'gg/mm/aaaa, o una data di Excel.', '10/12/1985'),
    column('Sesso', 'sex', true, 'F o M (Femmina, Maschio).', 'F'),
    TERRITORY,
    MUNICIPALITY,
    column('Indirizzo', 'address', false, 'Facoltativo.', 'Via Roma 1'),
    column(
      'Telefono',
      'phone',
      false,
      'Facoltativo: cifre, spazi e + . / ( ) -.',
      '+39 0373 123456',
    ),
    column('Email', 'email', false, 'Facoltativa.', 'maria.rossi@example.it'),
    column(
      'Condizione occupazionale',
      'employmentStatus',
      true,
      'Occupato, Disoccupato, Studente, Pensionato o Inattivo.',
      'Disoccupato',
    ),
    column(
      'Nucleo (codice esterno)',
      'householdCode',
      false,
      'Facoltativo: il codice esterno di un nucleo già importato, dello stesso ambito.',
      '',
    ),
  ],
  households: [
    EXTERNAL_CODE('del nucleo', 'NUC-001'),
    column(
      'Nome',
      'name',
      true,
      'Il nome del nucleo, per esempio «Famiglia Rossi».',
      'Famiglia Rossi',
    ),
    TERRITORY,
    MUNICIPALITY,
    column('Componenti', 'membersCount', true, 'Il numero di componenti, da 1 a 30.', 4),
    column(
      'ISEE (€)',
      'iseeEur',
      false,
      "L'ISEE in euro, con la virgola per i decimali (9.360,00); vuoto se non è noto.",
      '8.450,50',
    ),
    column('Vulnerabile', 'vulnerable', false, 'Sì o No (vuoto: No).', 'No'),
    column(
      'Motivo della vulnerabilità',
      'vulnerabilityReason',
      false,
      'Obbligatorio se Vulnerabile è Sì.',
      '',
    ),
  ],
  pacts: PACT_COLUMNS,
};

/** A heading as compared: lower case, no accents, letters and digits only. */
export function headingKey(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The known heading closest to `heading`, when it is close enough to be a slip. */
export function closestHeading(heading: string, columns: ImportColumn[]): string | undefined {
  const key = headingKey(heading);
  let best: { header: string; d: number } | undefined;
  for (const c of columns) {
    const d = distance(key, headingKey(c.header));
    if (!best || d < best.d) best = { header: c.header, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.header : undefined;
}

export interface HeaderMap {
  /** The position of each known column's field in the file. */
  positions: Map<string, number>;
  /** Headings ignored, with the closest known one when there is one. */
  warnings: FieldError[];
  /** Required columns the file lacks (each with the heading that may be it misspelled). */
  missing: Record<string, FieldError>;
}

export function mapHeader(header: string[], columns: ImportColumn[]): HeaderMap {
  const byKey = new Map(columns.map((c) => [headingKey(c.header), c]));
  // The field's own name is accepted too (codiceEsterno, fiscalCode…).
  for (const c of columns) if (!byKey.has(headingKey(c.field))) byKey.set(headingKey(c.field), c);
  byKey.set('codiceesterno', columns.find((c) => c.field === 'externalCode') ?? columns[0]);
  const positions = new Map<string, number>();
  const warnings: FieldError[] = [];
  const unknown: string[] = [];
  header.forEach((heading, i) => {
    if (heading.trim() === '') return;
    const known = byKey.get(headingKey(heading));
    if (known && !positions.has(known.field)) {
      positions.set(known.field, i);
      return;
    }
    unknown.push(heading);
    const suggestion = closestHeading(heading, columns);
    warnings.push(
      suggestion
        ? fieldError(
            'IMPORT_COLUMN_MISSPELLED',
            { column: heading, suggestion },
            `column «${heading}» ignored: did you mean «${suggestion}»?`,
          )
        : fieldError('IMPORT_COLUMN_IGNORED', { column: heading }, `column «${heading}» ignored`),
    );
  });
  const missing: Record<string, FieldError> = {};
  for (const c of columns) {
    if (!c.required || positions.has(c.field)) continue;
    const slip = unknown.find((h) => closestHeading(h, [c]) === c.header);
    missing[c.header] = slip
      ? fieldError(
          'IMPORT_COLUMN_MISSPELLED',
          { column: slip, suggestion: c.header },
          `column «${c.header}» is missing: is «${slip}» meant to be it?`,
        )
      : fieldError(
          'IMPORT_COLUMN_MISSING',
          { column: c.header },
          `column «${c.header}» is missing`,
        );
  }
  return { positions, warnings, missing };
}
