import {
  pactDocumentContent,
  pactFingerprint,
  type PactDocumentSource,
} from './pact-document.content';
import { printable } from './pact-document.pdf';

const person = {
  id: 7,
  firstName: 'Niccolò',
  lastName: "D'Agostino",
  fiscalCode: 'DGSNCL90A01D142X',
  birthDate: '1990-01-01',
  municipality: 'Crema',
};

function source(overrides: Partial<PactDocumentSource> = {}): PactDocumentSource {
  return {
    pact: {
      id: 1,
      version: 4,
      type: 'AUTONOMY',
      reference: 'AUT-CREMA-2026-0007',
      status: 'SUBMITTED',
      title: 'Verso il lavoro',
      objectives: 'Trovare un impiego stabile',
      citizenCommitments: 'Frequentare il corso di italiano',
      communityCommitments: 'Un tutor del laboratorio',
      startDate: '2026-03-01',
      plannedEndDate: '2026-12-31',
      eligibility: {
        eligible: false,
        ruleSetVersion: '2026.1',
        evaluatedAt: '2026-02-20T09:30:00.000Z',
        referenceDate: '2026-03-01',
        checks: [
          {
            rule: 'AUTONOMY_AGE',
            passed: true,
            message: 'Età 36 anni il 2026-03-01',
            messages: { it: 'Età 36 anni il 2026-03-01', en: 'Age 36 on 2026-03-01' },
          },
          {
            rule: 'AUTONOMY_UNEMPLOYED',
            passed: false,
            message: 'Stato occupazionale: occupato',
            messages: { it: 'Stato occupazionale: occupato', en: 'Employment status: employed' },
          },
        ],
      },
    },
    territory: { id: 1, name: 'Crema' },
    beneficiary: person,
    household: null,
    socialWorker: { id: 3, fullName: 'Maria Bianchi' },
    communityMaker: { id: 4, fullName: 'Luca Verdi' },
    communityLab: { id: 2, name: 'Laboratorio Il Ponte' },
    milestones: [
      {
        id: 12,
        version: 1,
        title: 'Colloquio al centro per l’impiego',
        description: '',
        dueDate: '2026-05-10',
        status: 'ACHIEVED',
        achievedAt: '2026-05-08',
      },
      {
        id: 11,
        version: 2,
        title: 'Iscrizione al corso',
        description: 'Corso serale',
        dueDate: '2026-04-01',
        status: 'PENDING',
        achievedAt: null,
      },
    ],
    ...overrides,
  };
}

describe(pactFingerprint.name, () => {
  it('is 16 hex digits, the same for the same record whatever the order of its keys', () => {
    const a = source();
    const reordered = JSON.parse(JSON.stringify(a, Object.keys(a).reverse())) as PactDocumentSource;
    const shuffled: PactDocumentSource = {
      ...reordered,
      pact: a.pact,
      beneficiary: { ...person },
      milestones: a.milestones,
      territory: a.territory,
      household: null,
      socialWorker: a.socialWorker,
      communityMaker: a.communityMaker,
      communityLab: a.communityLab,
    };
    expect(pactFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(pactFingerprint(shuffled)).toBe(pactFingerprint(a));
  });

  it('changes with the version, a milestone, a party or a commitment', () => {
    const base = pactFingerprint(source());
    const changed = [
      source({ pact: { ...source().pact, version: 5 } }),
      source({ pact: { ...source().pact, communityCommitments: 'Due tutor' } }),
      source({ milestones: [{ ...source().milestones[0], dueDate: '2026-05-11' }] }),
      source({ communityMaker: { id: 9, fullName: 'Anna Neri' } }),
      source({ beneficiary: { ...person, fiscalCode: 'DGSNCL90A01D142Y' } }),
    ].map(pactFingerprint);
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });
});

describe(pactDocumentContent.name, () => {
  it('titles the pact by its type, in Italian', () => {
    expect(pactDocumentContent(source()).heading).toBe("Patto per l'Autonomia");
    const inclusion = source({ pact: { ...source().pact, type: 'INCLUSION' } });
    expect(pactDocumentContent(inclusion).heading).toBe("Patto per l'Inclusione Sociale");
  });

  it('names the beneficiary and the staff; dates are dd/mm/yyyy', () => {
    const content = pactDocumentContent(source());
    expect(content.parties.citizen).toEqual([
      {
        label: 'Beneficiario/a',
        text: "Niccolò D'Agostino, codice fiscale DGSNCL90A01D142X, nato/a il 01/01/1990, residente a Crema",
      },
    ]);
    expect(content.parties.staff).toEqual([
      { label: 'Assistente sociale responsabile', text: 'Maria Bianchi' },
      { label: 'Community maker', text: 'Luca Verdi' },
      { label: 'Laboratorio di comunità', text: 'Laboratorio Il Ponte' },
    ]);
    expect(content.duration).toBe('Dal 01/03/2026 al 31/12/2026 (fine prevista).');
    expect(content.municipality).toBe('Crema');
    expect(content.fingerprint).toBe(pactFingerprint(source()));
  });

  it('names the household, its reference person and each member', () => {
    const content = pactDocumentContent(
      source({
        pact: { ...source().pact, type: 'INCLUSION' },
        household: {
          id: 5,
          name: 'Famiglia Rossi',
          municipality: 'Pandino',
          membersCount: 2,
          members: [person, { ...person, id: 8, firstName: 'Zoè' }],
        },
      }),
    );
    expect(content.parties.citizen.map((l) => l.label)).toEqual([
      'Nucleo familiare',
      'Persona di riferimento',
    ]);
    expect(content.parties.citizen[0].text).toBe('Famiglia Rossi, Pandino (2 componenti)');
    expect(content.parties.members).toHaveLength(2);
    expect(content.parties.members[1]).toMatch(/^Zoè D'Agostino, codice fiscale/);
    expect(content.municipality).toBe('Pandino');
    expect(content.signatures[0]).toBe('Per il nucleo familiare');
  });

  it('lists the milestones by due date, numbered, with the state of those no longer pending', () => {
    expect(pactDocumentContent(source()).milestones).toEqual([
      {
        number: 1,
        title: 'Iscrizione al corso',
        due: 'entro il 01/04/2026',
        description: 'Corso serale',
      },
      {
        number: 2,
        title: 'Colloquio al centro per l’impiego',
        due: 'entro il 10/05/2026 (raggiunta il 08/05/2026)',
        description: '',
      },
    ]);
  });

  it('gives each eligibility rule its Italian name and outcome, with the rule-set version', () => {
    const { eligibility } = pactDocumentContent(source());
    expect(eligibility.intro).toBe(
      'Requisiti valutati il 20/02/2026 con le regole nella versione 2026.1, alla data di riferimento del 01/03/2026: non tutti soddisfatti.',
    );
    expect(eligibility.rules).toEqual([
      { label: 'Età tra 19 e 39 anni', text: 'soddisfatto. Età 36 anni il 01/03/2026' },
      { label: 'Senza lavoro', text: 'non soddisfatto. Stato occupazionale: occupato' },
    ]);
  });

  it('says what is missing instead of leaving blanks', () => {
    const content = pactDocumentContent(
      source({
        pact: {
          ...source().pact,
          objectives: '  ',
          startDate: null,
          plannedEndDate: null,
          eligibility: null,
        },
        communityMaker: null,
        communityLab: null,
        milestones: [],
      }),
    );
    expect(content.objectives).toBe('Non indicati.');
    expect(content.duration).toBe('Date di inizio e di fine da definire.');
    expect(content.eligibility).toEqual({
      intro: 'I requisiti di accesso non sono ancora stati valutati.',
      rules: [],
    });
    expect(content.parties.staff[1]).toEqual({ label: 'Community maker', text: 'Non indicato' });
    expect(content.milestones).toEqual([]);
  });

  it('carries an Italian privacy notice under art. 13 naming the territory', () => {
    const { privacy } = pactDocumentContent(source());
    expect(privacy).toContain("dall'ente capofila dell'ambito territoriale (Crema)");
    expect(privacy).toContain('Regolamento UE 2016/679');
    expect(privacy).toContain('Garante per la protezione dei dati personali');
  });
});

describe(printable.name, () => {
  it('keeps Italian and WinAnsi punctuation, writes other letters as their base letter', () => {
    expect(printable("àèéìòù ÀÈÉÌÒÙ l’anno «sì» d'oro 9.360,00 € — …")).toBe(
      "àèéìòù ÀÈÉÌÒÙ l’anno «sì» d'oro 9.360,00 € — …",
    );
    expect(printable('Ștefan Łukasz Dvořák')).toBe('Stefan Lukasz Dvorák');
    expect(printable('a\r\nb\tc\u0007d 😀')).toBe('a\nb cd ?');
  });
});
