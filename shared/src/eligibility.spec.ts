import fc from 'fast-check';
import { EMPLOYMENT_STATUSES } from './enums';
import {
  DEFAULT_ISEE_THRESHOLD_EUR,
  ELIGIBILITY_RULE_LABELS,
  ELIGIBILITY_RULES,
  evaluateEligibility,
  RULE_SET_VERSION,
  RULES_BY_PACT_TYPE,
  type EligibilityEvaluation,
  type EligibilityInput,
  type EligibilityRule,
} from './eligibility';

const NOW = new Date('2026-11-26T09:30:00.000Z');
const TODAY = '2026-11-26';
const TERRITORIES = { 1: 'Crema', 2: 'Cremona', 3: 'Casalmaggiore' };

type Beneficiary = NonNullable<EligibilityInput['beneficiary']>;
type Household = NonNullable<EligibilityInput['household']>;

/** An AUTONOMY request that passes every rule, with the given changes. */
function autonomy(
  beneficiary: Partial<Beneficiary> = {},
  pact: Partial<EligibilityInput> = {},
): EligibilityInput {
  return {
    type: 'AUTONOMY',
    territoryId: 1,
    startDate: null,
    beneficiary: {
      birthDate: '1995-04-12',
      sex: 'M',
      employmentStatus: 'UNEMPLOYED',
      territoryId: 1,
      ...beneficiary,
    },
    otherOpenPacts: 0,
    ...pact,
  };
}

/** An INCLUSION request that passes every rule, with the given changes. */
function inclusion(
  household: Partial<Household> = {},
  pact: Partial<EligibilityInput> = {},
): EligibilityInput {
  return {
    type: 'INCLUSION',
    territoryId: 2,
    household: {
      territoryId: 2,
      iseeEur: 6500.5,
      vulnerable: false,
      vulnerabilityReason: null,
      ...household,
    },
    otherOpenPacts: 0,
    ...pact,
  };
}

function evaluate(
  input: EligibilityInput,
  options: Parameters<typeof evaluateEligibility>[1] = {},
) {
  return evaluateEligibility(input, { now: NOW, ...options });
}

function checkOf(evaluation: EligibilityEvaluation, rule: EligibilityRule) {
  const check = evaluation.checks.find((c) => c.rule === rule);
  if (!check) throw new Error(`no ${rule} check`);
  return check;
}

/** The outcome of one rule: [passed, Italian message]. */
function rule(input: EligibilityInput, id: EligibilityRule, options = {}): [boolean, string] {
  const { passed, message } = checkOf(evaluate(input, options), id);
  return [passed, message];
}

describe(evaluateEligibility.name, () => {
  it('reports every AUTONOMY rule, in order, with Italian and English messages', () => {
    expect(evaluate(autonomy({}, { territoryNames: TERRITORIES }))).toEqual({
      eligible: true,
      ruleSetVersion: RULE_SET_VERSION,
      evaluatedAt: '2026-11-26T09:30:00.000Z',
      referenceDate: TODAY,
      checks: [
        {
          rule: 'AUTONOMY_AGE',
          passed: true,
          message: 'Età 31 anni il 2026-11-26: rientra tra 19 e 39 anni',
          messages: {
            it: 'Età 31 anni il 2026-11-26: rientra tra 19 e 39 anni',
            en: 'Age 31 years on 2026-11-26: within 19 to 39 years',
          },
        },
        {
          rule: 'AUTONOMY_UNEMPLOYED',
          passed: true,
          message: 'Condizione lavorativa: disoccupato',
          messages: {
            it: 'Condizione lavorativa: disoccupato',
            en: 'Employment status: unemployed',
          },
        },
        {
          rule: 'SAME_TERRITORY',
          passed: true,
          message: "Il beneficiario risiede nell'ambito del patto (Crema)",
          messages: {
            it: "Il beneficiario risiede nell'ambito del patto (Crema)",
            en: "The beneficiary lives in the pact's territory (Crema)",
          },
        },
        {
          rule: 'ONE_OPEN_PACT',
          passed: true,
          message: "Nessun altro Patto per l'Autonomia aperto per il beneficiario",
          messages: {
            it: "Nessun altro Patto per l'Autonomia aperto per il beneficiario",
            en: 'No other open Autonomy Pact for the beneficiary',
          },
        },
      ],
    });
  });

  it('reports the INCLUSION rules, in order', () => {
    const evaluation = evaluate(inclusion());
    expect(evaluation.eligible).toBe(true);
    expect(evaluation.checks.map((c) => c.rule)).toEqual([
      'INCLUSION_VULNERABLE',
      'SAME_TERRITORY',
      'ONE_OPEN_PACT',
    ]);
  });

  it('is not eligible when any rule fails, and still reports every rule', () => {
    const evaluation = evaluate(autonomy({ employmentStatus: 'EMPLOYED' }, { otherOpenPacts: 1 }));
    expect(evaluation.eligible).toBe(false);
    expect(evaluation.checks.map((c) => [c.rule, c.passed])).toEqual([
      ['AUTONOMY_AGE', true],
      ['AUTONOMY_UNEMPLOYED', false],
      ['SAME_TERRITORY', true],
      ['ONE_OPEN_PACT', false],
    ]);
  });

  describe('reference date', () => {
    it("is the pact's start date when it has one", () => {
      expect(evaluate(autonomy({}, { startDate: '2027-01-10' })).referenceDate).toBe('2027-01-10');
    });

    it('is today when the start date is missing or not a date', () => {
      expect(
        evaluate(autonomy({}, { startDate: undefined }), { today: '2026-12-01' }).referenceDate,
      ).toBe('2026-12-01');
      expect(
        evaluate(autonomy({}, { startDate: '2027-02-30' }), { today: '2026-12-01' }).referenceDate,
      ).toBe('2026-12-01');
    });

    it("defaults today to the Italian calendar date of 'now'", () => {
      const lateEvening = new Date('2026-11-25T23:30:00.000Z'); // already 26 November in Rome
      expect(evaluateEligibility(autonomy(), { now: lateEvening }).referenceDate).toBe(TODAY);
    });

    it('defaults now to the current instant', () => {
      const before = Date.now();
      const { evaluatedAt } = evaluateEligibility(autonomy());
      expect(Date.parse(evaluatedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(evaluatedAt)).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('AUTONOMY_AGE', () => {
    it.each([
      [
        'turning 19 today',
        '2007-11-26',
        true,
        'Età 19 anni il 2026-11-26: rientra tra 19 e 39 anni',
      ],
      [
        'turning 19 tomorrow',
        '2007-11-27',
        false,
        "Età 18 anni il 2026-11-26: il Patto per l'Autonomia richiede tra 19 e 39 anni",
      ],
      [
        'turning 40 tomorrow',
        '1986-11-27',
        true,
        'Età 39 anni il 2026-11-26: rientra tra 19 e 39 anni',
      ],
      [
        'turning 40 today',
        '1986-11-26',
        false,
        "Età 40 anni il 2026-11-26: il Patto per l'Autonomia richiede tra 19 e 39 anni",
      ],
      [
        'one year old',
        '2025-11-26',
        false,
        "Età 1 anno il 2026-11-26: il Patto per l'Autonomia richiede tra 19 e 39 anni",
      ],
    ])('%s', (_case, birthDate, passed, message) => {
      expect(rule(autonomy({ birthDate }), 'AUTONOMY_AGE')).toEqual([passed, message]);
    });

    it('computes the age on the start date, not today (ages change before approval)', () => {
      const input = autonomy({ birthDate: '1987-01-05' }, { startDate: '2027-01-10' });
      expect(rule(input, 'AUTONOMY_AGE')).toEqual([
        false,
        "Età 40 anni il 2027-01-10: il Patto per l'Autonomia richiede tra 19 e 39 anni",
      ]);
      expect(rule(autonomy({ birthDate: '1987-01-05' }), 'AUTONOMY_AGE')[0]).toBe(true);
    });

    describe('born on 29 February', () => {
      it.each([
        ['turns 19 on 1 March of a non-leap year: not on 28 February', '2011-02-28', false],
        ['turns 19 on 1 March of a non-leap year', '2011-03-01', true],
      ])('%s', (_case, startDate, passed) => {
        expect(rule(autonomy({ birthDate: '1992-02-29' }, { startDate }), 'AUTONOMY_AGE')[0]).toBe(
          passed,
        );
      });

      it.each([
        ['is still 39 on 28 February of a leap year', '2024-02-28', true],
        ['turns 40 on 29 February of a leap year', '2024-02-29', false],
      ])('%s', (_case, startDate, passed) => {
        expect(rule(autonomy({ birthDate: '1984-02-29' }, { startDate }), 'AUTONOMY_AGE')[0]).toBe(
          passed,
        );
      });
    });

    it('gives the age in English too', () => {
      const check = checkOf(evaluate(autonomy({ birthDate: '1986-11-26' })), 'AUTONOMY_AGE');
      expect(check.messages.en).toBe(
        'Age 40 years on 2026-11-26: the Autonomy Pact requires 19 to 39 years',
      );
    });

    it.each([
      [
        'no beneficiary',
        { type: 'AUTONOMY', territoryId: 1, otherOpenPacts: 0 } satisfies EligibilityInput,
        "Beneficiario non indicato: il Patto per l'Autonomia richiede un beneficiario di età tra 19 e 39 anni",
      ],
      [
        'no birth date',
        autonomy({ birthDate: null }),
        "Data di nascita del beneficiario non indicata: serve per verificare l'età (tra 19 e 39 anni)",
      ],
      [
        'no birth date, a woman',
        autonomy({ birthDate: undefined, sex: 'F' }),
        "Data di nascita della beneficiaria non indicata: serve per verificare l'età (tra 19 e 39 anni)",
      ],
      [
        'a birth date that is not a date',
        autonomy({ birthDate: '1990-02-30' }),
        'Data di nascita del beneficiario non valida («1990-02-30»)',
      ],
      [
        'a birth date after the reference date',
        autonomy({ birthDate: '2026-11-27' }),
        'La data di nascita (2026-11-27) è successiva alla data di riferimento (2026-11-26)',
      ],
    ])('fails, saying what is wrong, with %s', (_case, input, message) => {
      expect(rule(input, 'AUTONOMY_AGE')).toEqual([false, message]);
    });
  });

  describe('AUTONOMY_UNEMPLOYED', () => {
    it('passes for an unemployed beneficiary, in the right gender', () => {
      expect(rule(autonomy({ sex: 'F' }), 'AUTONOMY_UNEMPLOYED')).toEqual([
        true,
        'Condizione lavorativa: disoccupata',
      ]);
    });

    it.each([
      ['EMPLOYED', 'M', 'occupato', 'employed'],
      ['EMPLOYED', 'F', 'occupata', 'employed'],
      ['EMPLOYED', null, 'occupato/a', 'employed'],
      ['STUDENT', 'F', 'studentessa', 'student'],
      ['RETIRED', 'M', 'pensionato', 'retired'],
      ['INACTIVE', 'F', 'inattiva', 'inactive'],
    ] as const)('fails for %s (%s)', (employmentStatus, sex, it, en) => {
      const check = checkOf(evaluate(autonomy({ employmentStatus, sex })), 'AUTONOMY_UNEMPLOYED');
      expect(check).toMatchObject({
        passed: false,
        messages: {
          it: `Condizione lavorativa: ${it}. Il Patto per l'Autonomia è riservato a persone senza lavoro`,
          en: `Employment status: ${en}. The Autonomy Pact is for people without work`,
        },
      });
    });

    it('fails when the employment status is missing', () => {
      expect(rule(autonomy({ employmentStatus: null }), 'AUTONOMY_UNEMPLOYED')).toEqual([
        false,
        "Condizione lavorativa del beneficiario non indicata: il Patto per l'Autonomia è riservato a persone senza lavoro",
      ]);
    });

    it('fails when there is no beneficiary', () => {
      expect(rule(autonomy({}, { beneficiary: null }), 'AUTONOMY_UNEMPLOYED')).toEqual([
        false,
        'Beneficiario non indicato: impossibile verificare la condizione lavorativa',
      ]);
    });

    it('passes for UNEMPLOYED only', () => {
      const passing = EMPLOYMENT_STATUSES.filter(
        (employmentStatus) => rule(autonomy({ employmentStatus }), 'AUTONOMY_UNEMPLOYED')[0],
      );
      expect(passing).toEqual(['UNEMPLOYED']);
    });
  });

  describe('INCLUSION_VULNERABLE', () => {
    it.each([
      ['exactly at the threshold', 9360, true, 'ISEE 9.360,00 € entro la soglia di 9.360,00 €'],
      [
        'at the threshold, as a decimal string',
        '9360.00',
        true,
        'ISEE 9.360,00 € entro la soglia di 9.360,00 €',
      ],
      ['zero', 0, true, 'ISEE 0,00 € entro la soglia di 9.360,00 €'],
      [
        'computed in floating point, a hair above 9360 (9360.000000000002)',
        9360 + 7024.01 - 7024.01,
        true,
        'ISEE 9.360,00 € entro la soglia di 9.360,00 €',
      ],
      [
        'one cent over',
        9360.01,
        false,
        'ISEE 9.360,01 € oltre la soglia di 9.360,00 € e nessuna valutazione di vulnerabilità registrata',
      ],
      [
        'one cent over, as a decimal string',
        '9360.01',
        false,
        'ISEE 9.360,01 € oltre la soglia di 9.360,00 € e nessuna valutazione di vulnerabilità registrata',
      ],
      [
        'unknown',
        null,
        false,
        'ISEE non disponibile (soglia 9.360,00 €) e nessuna valutazione di vulnerabilità registrata',
      ],
      [
        'not a number',
        'n.d.',
        false,
        'ISEE non disponibile (soglia 9.360,00 €) e nessuna valutazione di vulnerabilità registrata',
      ],
    ])('ISEE %s, no assessment', (_case, iseeEur, passed, message) => {
      expect(rule(inclusion({ iseeEur }), 'INCLUSION_VULNERABLE')).toEqual([passed, message]);
    });

    it('takes the threshold as a parameter', () => {
      const options = { iseeThresholdEur: 12000 };
      expect(rule(inclusion({ iseeEur: 12000 }), 'INCLUSION_VULNERABLE', options)).toEqual([
        true,
        'ISEE 12.000,00 € entro la soglia di 12.000,00 €',
      ]);
      expect(rule(inclusion({ iseeEur: 12000.01 }), 'INCLUSION_VULNERABLE', options)[0]).toBe(
        false,
      );
    });

    it('falls back to the default threshold when the parameter is not a number', () => {
      expect(
        rule(inclusion({ iseeEur: 9360 }), 'INCLUSION_VULNERABLE', { iseeThresholdEur: NaN })[0],
      ).toBe(true);
      expect(
        rule(inclusion({ iseeEur: 9360.01 }), 'INCLUSION_VULNERABLE', { iseeThresholdEur: NaN })[0],
      ).toBe(false);
    });

    it.each([
      [
        'unknown ISEE',
        null,
        'ISEE non disponibile (soglia 9.360,00 €), ma il servizio sociale ha registrato una valutazione di vulnerabilità motivata',
      ],
      [
        'ISEE over the threshold',
        15000,
        'ISEE 15.000,00 € oltre la soglia di 9.360,00 €, ma il servizio sociale ha registrato una valutazione di vulnerabilità motivata',
      ],
    ])('passes with %s and a vulnerability assessment with a reason', (_case, iseeEur, message) => {
      const household = {
        iseeEur,
        vulnerable: true,
        vulnerabilityReason: 'Sfratto esecutivo in corso',
      };
      expect(rule(inclusion(household), 'INCLUSION_VULNERABLE')).toEqual([true, message]);
    });

    it.each([
      ['blank', '   '],
      ['empty', ''],
      ['missing', null],
    ])(
      'fails with unknown ISEE and an assessment whose reason is %s',
      (_case, vulnerabilityReason) => {
        const household = { iseeEur: null, vulnerable: true, vulnerabilityReason };
        expect(rule(inclusion(household), 'INCLUSION_VULNERABLE')).toEqual([
          false,
          'ISEE non disponibile (soglia 9.360,00 €); la valutazione di vulnerabilità è registrata senza motivazione',
        ]);
      },
    );

    it('fails when the assessment found the household not vulnerable, whatever the reason', () => {
      const household = {
        iseeEur: null,
        vulnerable: false,
        vulnerabilityReason: 'Reddito sufficiente',
      };
      expect(rule(inclusion(household), 'INCLUSION_VULNERABLE')[0]).toBe(false);
    });

    it('fails when there is no household', () => {
      expect(rule(inclusion({}, { household: null }), 'INCLUSION_VULNERABLE')).toEqual([
        false,
        "Nucleo familiare non indicato: il Patto per l'Inclusione Sociale richiede un nucleo in condizione di vulnerabilità",
      ]);
    });

    it('writes amounts the English way in English', () => {
      const check = checkOf(evaluate(inclusion({ iseeEur: 12345.6 })), 'INCLUSION_VULNERABLE');
      expect(check.messages.en).toBe(
        'ISEE €12,345.60 above the €9,360.00 threshold and no vulnerability assessment recorded',
      );
    });

    it('passes exactly when the ISEE in cents is at most the threshold (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.boolean(), (cents, asString) => {
          const euros = cents / 100;
          const iseeEur = asString ? euros.toFixed(2) : euros;
          const [passed] = rule(inclusion({ iseeEur }), 'INCLUSION_VULNERABLE');
          expect(passed).toBe(cents <= DEFAULT_ISEE_THRESHOLD_EUR * 100);
        }),
      );
    });
  });

  describe('SAME_TERRITORY', () => {
    it('passes when the beneficiary lives in the pact territory', () => {
      expect(
        rule(autonomy({ sex: 'F' }, { territoryNames: TERRITORIES }), 'SAME_TERRITORY'),
      ).toEqual([true, "La beneficiaria risiede nell'ambito del patto (Crema)"]);
    });

    it('fails for a beneficiary of another territory, naming both', () => {
      const input = autonomy({ territoryId: 3 }, { territoryNames: TERRITORIES });
      expect(rule(input, 'SAME_TERRITORY')).toEqual([
        false,
        'Il beneficiario risiede in un ambito diverso da quello del patto (Casalmaggiore invece di Crema)',
      ]);
    });

    it('names territories by number when their names are not given', () => {
      expect(rule(autonomy({ territoryId: 3 }), 'SAME_TERRITORY')[1]).toBe(
        'Il beneficiario risiede in un ambito diverso da quello del patto (n. 3 invece di n. 1)',
      );
    });

    it("checks the household's territory for INCLUSION", () => {
      expect(rule(inclusion({}, { territoryNames: TERRITORIES }), 'SAME_TERRITORY')).toEqual([
        true,
        "Il nucleo familiare risiede nell'ambito del patto (Cremona)",
      ]);
      const elsewhere = checkOf(evaluate(inclusion({ territoryId: 1 })), 'SAME_TERRITORY');
      expect(elsewhere.passed).toBe(false);
      expect(elsewhere.messages.en).toBe(
        "The household lives in a different territory from the pact's (n. 1 instead of n. 2)",
      );
    });

    it.each([
      [
        "the pact's territory is missing",
        autonomy({}, { territoryId: null }),
        'Ambito del patto non indicato',
      ],
      [
        "the beneficiary's territory is missing",
        autonomy({ territoryId: undefined }),
        'Ambito di residenza del beneficiario non indicato',
      ],
      [
        "the household's territory is missing",
        inclusion({ territoryId: null }),
        'Ambito di residenza del nucleo familiare non indicato',
      ],
      [
        'there is no beneficiary',
        autonomy({}, { beneficiary: undefined }),
        "Beneficiario non indicato: impossibile verificare l'ambito",
      ],
      [
        'there is no household',
        inclusion({}, { household: undefined }),
        "Nucleo familiare non indicato: impossibile verificare l'ambito",
      ],
    ])('fails when %s', (_case, input, message) => {
      expect(rule(input, 'SAME_TERRITORY')).toEqual([false, message]);
    });
  });

  describe('ONE_OPEN_PACT', () => {
    it.each([
      [
        autonomy({}, { otherOpenPacts: 1 }),
        "Il beneficiario ha già un altro Patto per l'Autonomia aperto",
        'The beneficiary already has another open Autonomy Pact',
      ],
      [
        autonomy({ sex: 'F' }, { otherOpenPacts: 2 }),
        "La beneficiaria ha già 2 altri Patti per l'Autonomia aperti",
        'The beneficiary already has 2 other open Autonomy Pacts',
      ],
      [
        inclusion({}, { otherOpenPacts: 1 }),
        "Il nucleo familiare ha già un altro Patto per l'Inclusione Sociale aperto",
        'The household already has another open Social Inclusion Pact',
      ],
      [
        inclusion({}, { otherOpenPacts: 3 }),
        "Il nucleo familiare ha già 3 altri Patti per l'Inclusione Sociale aperti",
        'The household already has 3 other open Social Inclusion Pacts',
      ],
    ])('fails when another pact of the type is open: %#', (input, it, en) => {
      expect(checkOf(evaluate(input), 'ONE_OPEN_PACT')).toMatchObject({
        passed: false,
        messages: { it, en },
      });
    });

    it('passes when no other pact of the type is open', () => {
      expect(rule(inclusion(), 'ONE_OPEN_PACT')).toEqual([
        true,
        "Nessun altro Patto per l'Inclusione Sociale aperto per il nucleo familiare",
      ]);
    });

    it('fails when there is no beneficiary or household to look for', () => {
      expect(rule(autonomy({}, { beneficiary: null }), 'ONE_OPEN_PACT')).toEqual([
        false,
        'Beneficiario non indicato: impossibile verificare gli altri patti aperti',
      ]);
      expect(rule(inclusion({}, { household: null }), 'ONE_OPEN_PACT')).toEqual([
        false,
        'Nucleo familiare non indicato: impossibile verificare gli altri patti aperti',
      ]);
    });
  });

  it('ignores the household for AUTONOMY and the beneficiary for INCLUSION', () => {
    const noisyHousehold = { territoryId: 9, iseeEur: 99999, vulnerable: false };
    expect(evaluate(autonomy({}, { household: noisyHousehold })).eligible).toBe(true);
    expect(
      evaluate(inclusion({}, { beneficiary: { territoryId: 9, birthDate: '1900-01-01' } }))
        .eligible,
    ).toBe(true);
  });

  it('never throws, and explains every check, whatever is missing or wrong (property)', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const text = fc.oneof(fc.string(), fc.constant('1990-01-01'), fc.constant('2000-02-29'));
    const input: fc.Arbitrary<EligibilityInput> = fc.record({
      type: fc.constantFrom('AUTONOMY' as const, 'INCLUSION' as const),
      territoryId: maybe(fc.integer({ min: 1, max: 3 })),
      startDate: maybe(text),
      beneficiary: maybe(
        fc.record({
          birthDate: maybe(text),
          sex: maybe(fc.constantFrom('F' as const, 'M' as const)),
          employmentStatus: maybe(fc.constantFrom(...EMPLOYMENT_STATUSES)),
          territoryId: maybe(fc.integer({ min: 1, max: 3 })),
        }),
      ),
      household: maybe(
        fc.record({
          territoryId: maybe(fc.integer({ min: 1, max: 3 })),
          iseeEur: maybe(fc.oneof(fc.double(), fc.string())),
          vulnerable: maybe(fc.boolean()),
          vulnerabilityReason: maybe(fc.string()),
        }),
      ),
      otherOpenPacts: fc.nat(3),
    });
    fc.assert(
      fc.property(input, (i) => {
        const evaluation = evaluate(i);
        expect(evaluation.checks.map((c) => c.rule)).toEqual(RULES_BY_PACT_TYPE[i.type]);
        expect(evaluation.eligible).toBe(evaluation.checks.every((c) => c.passed));
        for (const check of evaluation.checks) {
          expect(check.message).toBe(check.messages.it);
          expect(check.messages.it.length).toBeGreaterThan(10);
          expect(check.messages.en.length).toBeGreaterThan(10);
        }
      }),
    );
  });
});

describe('ELIGIBILITY_RULE_LABELS', () => {
  it('names every rule in both languages', () => {
    for (const id of ELIGIBILITY_RULES) {
      expect(ELIGIBILITY_RULE_LABELS[id].it).not.toBe('');
      expect(ELIGIBILITY_RULE_LABELS[id].en).not.toBe('');
    }
  });
});
