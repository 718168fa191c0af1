import type { FullBeneficiaryRecord } from '../beneficiaries/beneficiary.record';
import {
  italianDateTime,
  subjectAccessSummary,
  takeCapped,
  type SummarySource,
} from './subject-access.summary';
import { archivedDocumentName, subjectAccessFileName } from './subject-access.service';

async function* count(n: number) {
  for (let i = 1; i <= n; i++) yield i;
}

const person: FullBeneficiaryRecord = {
  id: 7,
  firstName: 'Niccolò',
  lastName: 'D’Alò',
  fiscalCode: 'DLANCC90A01D150X',
  birthDate: '1990-01-01',
  sex: 'M',
  territoryId: 1,
  municipality: 'Crema',
  address: null,
  phone: '+39 333 1',
  email: null,
  employmentStatus: 'UNEMPLOYED',
  householdId: null,
  anonymisedAt: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  version: 1,
};

const none = { items: [], more: false };

function source(extra: Partial<SummarySource> = {}): SummarySource {
  return {
    generatedAt: '2026-12-06T17:30:00.000Z',
    person,
    territory: 'Ambito di Crema',
    household: null,
    pacts: none,
    documents: none,
    accessLog: none,
    auditEvents: none,
    userNames: new Map([[3, 'Chiara Locatelli']]),
    ...extra,
  };
}

const lines = (s: SummarySource, heading: string) =>
  subjectAccessSummary(s).sections.find((x) => x.heading === heading)?.lines;

describe(subjectAccessSummary.name, () => {
  it('writes the identity in Italian, leaving out the contacts not held', () => {
    expect(lines(source(), 'Dati anagrafici e di contatto')).toEqual(
      expect.arrayContaining([
        { label: 'Cognome e nome', text: 'D’Alò Niccolò' },
        { label: 'Data di nascita', text: '01/01/1990' },
        { label: 'Sesso', text: 'Maschio' },
        { label: 'Telefono', text: '+39 333 1' },
      ]),
    );
    const labels = lines(source(), 'Dati anagrafici e di contatto')!.map((l) =>
      typeof l === 'string' ? l : l.label,
    );
    expect(labels).not.toContain('Indirizzo');
    expect(subjectAccessSummary(source()).subtitle).toBe(
      'D’Alò Niccolò · riepilogo del 06/12/2026 18:30 (art. 15 del Regolamento UE 2016/679)',
    );
  });

  it('names readers by their name, the unknown by their number, and says when a list goes on', () => {
    const s = source({
      accessLog: {
        items: [
          { at: '2026-07-01T08:05:00.000Z', actorId: 3, entityType: 'beneficiaries', entityId: 7 },
          { at: '2026-07-02T08:05:00.000Z', actorId: 9, entityType: 'pacts', entityId: 12 },
        ],
        more: true,
      },
    });
    expect(lines(s, 'Chi ha consultato i dati')).toEqual([
      '• 01/07/2026 10:05: Chiara Locatelli ha consultato Scheda della persona n. 7',
      '• 02/07/2026 10:05: utente n. 9 ha consultato Patto n. 12',
      'L’elenco prosegue: l’elenco completo è nel file dati.json.',
    ]);
  });

  it('says so when nothing is held in a section', () => {
    expect(lines(source(), 'Patti')).toEqual(['Nessun patto.']);
    expect(lines(source(), 'Nucleo familiare')).toEqual(['La persona non fa parte di un nucleo.']);
    expect(lines(source(), 'Operazioni registrate')).toEqual(['Nessuna operazione registrata.']);
  });
});

describe(takeCapped.name, () => {
  it('keeps the first items and tells whether more followed, at the edge too', async () => {
    await expect(takeCapped(count(3), 3)).resolves.toEqual({ items: [1, 2, 3], more: false });
    await expect(takeCapped(count(4), 3)).resolves.toEqual({ items: [1, 2, 3], more: true });
    await expect(takeCapped(count(0), 3)).resolves.toEqual({ items: [], more: false });
  });
});

describe('file names', () => {
  it('names the ZIP after the surname in plain letters', () => {
    expect(subjectAccessFileName('D’Alò Né', '2026-12-06')).toBe(
      'dati-interessato-d-alo-ne-2026-12-06.zip',
    );
    expect(subjectAccessFileName('’’', '2026-12-06')).toBe(
      'dati-interessato-persona-2026-12-06.zip',
    );
  });

  it('keeps each document in documenti/ under its id, with no path nor character a disk refuses', () => {
    expect(archivedDocumentName(4, '../../etc/pass:wd?.pdf')).toBe('documenti/4-pass_wd_.pdf');
    expect(italianDateTime('2026-01-15T23:30:00.000Z')).toBe('16/01/2026 00:30');
  });
});
