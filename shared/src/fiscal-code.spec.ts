import fc from 'fast-check';
import { addDays } from './dates';
import {
  computeFiscalCode,
  decodeFiscalCode,
  FISCAL_CODE_MONTHS,
  fiscalCodeCheckCharacter,
  normalizeFiscalCode,
  OMOCODE_LETTERS,
  toOmocode,
  validateFiscalCode,
} from './fiscal-code';

/** Mario Rossi, born 10 December 1985 in A562: the classic published example. */
const MARIO_ROSSI = 'RSSMRA85T10A562S';
/** Matteo Moretti, born 8 April 1991 in Milan (F205): another published example. */
const MATTEO_MORETTI = 'MRTMTT91D08F205J';
/** Maria Bianchi, born 5 March 1990 in Cremona (D150); check character worked out by hand. */
const MARIA_BIANCHI = 'BNCMRA90C45D150M';

const errorCodes = (code: string, person?: Parameters<typeof validateFiscalCode>[1]) =>
  validateFiscalCode(code, person).errors.map((e) => e.code);

/** Replaces the character at `index`. */
const replaceAt = (code: string, index: number, ch: string) =>
  code.slice(0, index) + ch + code.slice(index + 1);

describe(fiscalCodeCheckCharacter.name, () => {
  it.each([
    ['RSSMRA85T10A562', 'S'],
    ['MRTMTT91D08F205', 'J'],
    ['BNCMRA90C45D150', 'M'],
    ['FOXLIX00B29D142', 'L'],
  ])('gives the check character of %s', (first15, expected) => {
    expect(fiscalCodeCheckCharacter(first15)).toBe(expected);
  });
});

describe(normalizeFiscalCode.name, () => {
  it('trims and upper-cases', () => {
    expect(normalizeFiscalCode('  rssmra85t10a562s \n')).toBe(MARIO_ROSSI);
  });
});

describe(validateFiscalCode.name, () => {
  it.each([MARIO_ROSSI, MATTEO_MORETTI, MARIA_BIANCHI])('accepts %s', (code) => {
    expect(validateFiscalCode(code)).toEqual({ valid: true, normalized: code, errors: [] });
  });

  it('normalises before validating and returns the stored form', () => {
    expect(validateFiscalCode(' rssmra85t10a562s ')).toEqual({
      valid: true,
      normalized: MARIO_ROSSI,
      errors: [],
    });
  });

  describe('format', () => {
    it.each([
      ['', 0],
      ['RSSMRA85T10A562', 15],
      ['RSSMRA85T10A562SX', 17],
    ])('refuses %j: it has %i characters', (code, length) => {
      expect(validateFiscalCode(code).errors).toEqual([
        {
          code: 'FORMAT',
          message: {
            it: `deve avere 16 caratteri (ne ha ${length})`,
            en: `must have 16 characters (has ${length})`,
          },
        },
      ]);
    });

    it.each([
      ['a digit among the surname letters', '1SSMRA85T10A562S', 1, 'a letter'],
      ['a letter that is not an omocode letter in the year', 'RSSMRA8AT10A562S', 8, 'a digit'],
      ['a letter that is not a month', 'RSSMRA85F10A562S', 9, 'a month letter'],
      ['a digit as the municipality letter', 'RSSMRA85T101562S', 12, 'a letter'],
      ['a digit as the check character', 'RSSMRA85T10A5621', 16, 'a letter'],
      ['a space inside the code', 'RSSMRA85T10 A562', 12, 'a letter'],
    ])('refuses %s, naming the position', (_case, code, position, expected) => {
      const { valid, errors } = validateFiscalCode(code);
      expect(valid).toBe(false);
      expect(errors).toHaveLength(1);
      expect(errors[0].code).toBe('FORMAT');
      expect(errors[0].message.en).toMatch(
        new RegExp(`^character ${position} \\('.'\\) is not valid: expected ${expected}`),
      );
      expect(errors[0].message.it).toMatch(new RegExp(`^il carattere ${position} `));
    });

    it('reports only the format when the format is wrong', () => {
      expect(errorCodes('RSSMRA85F10A562X', { birthDate: '2000-01-01', sex: 'F' })).toEqual([
        'FORMAT',
      ]);
    });
  });

  describe('check character', () => {
    it('refuses a wrong check character with the message the API shows', () => {
      expect(validateFiscalCode('RSSMRA85T10A562T').errors).toEqual([
        {
          code: 'CHECK_CHARACTER',
          message: {
            it: 'il carattere di controllo non corrisponde',
            en: 'check character does not match',
          },
        },
      ]);
    });

    it('refuses two swapped characters', () => {
      expect(errorCodes('SRSMRA85T10A562S')).toEqual(['CHECK_CHARACTER']);
    });
  });

  describe('encoded birth date', () => {
    it.each([
      ['day 00', 'RSSMRA85T00A562'],
      ['day 32', 'RSSMRA85T32A562'],
      ['day 40', 'RSSMRA85T40A562'],
      ['day 72 (31 + 40 + 1)', 'RSSMRA85T72A562'],
      ['31 April', 'RSSMRA85D31A562'],
      ['30 February', 'RSSMRA84B30A562'],
      ['29 February of a year not divisible by 4', 'RSSMRA85B29A562'],
      ['29 February of a woman, year not divisible by 4', 'RSSMRA85B69A562'],
    ])('refuses %s', (_case, first15) => {
      expect(errorCodes(first15 + fiscalCodeCheckCharacter(first15))).toEqual([
        'BIRTH_DATE_INVALID',
      ]);
    });

    it('names the impossible date', () => {
      const first15 = 'RSSMRA85D31A562';
      expect(
        validateFiscalCode(first15 + fiscalCodeCheckCharacter(first15)).errors[0].message,
      ).toEqual({
        it: 'la data di nascita nel codice (31/04/85) non esiste',
        en: 'encoded birth date (31/04/85) does not exist',
      });
    });

    it.each([
      ['a man born 29 February 1984', 'RSSMRA84B29A562', '1984-02-29', 'M'],
      [
        'a woman born 29 February 2000 (00 may be a leap year)',
        'RSSMRA00B69A562',
        '2000-02-29',
        'F',
      ],
      ['a woman born on the 31st', 'RSSMRA85A71A562', '1985-01-31', 'F'],
      ['a woman born on the 1st', 'RSSMRA85A41A562', '1985-01-01', 'F'],
      ['a man born on the 31st', 'RSSMRA85A31A562', '1985-01-31', 'M'],
    ] as const)('accepts %s', (_case, first15, birthDate, sex) => {
      const code = first15 + fiscalCodeCheckCharacter(first15);
      expect(errorCodes(code, { birthDate, sex })).toEqual([]);
    });
  });

  describe('consistency with the record', () => {
    it('accepts the matching birth date and sex', () => {
      expect(errorCodes(MARIO_ROSSI, { birthDate: '1985-12-10', sex: 'M' })).toEqual([]);
      expect(errorCodes(MARIA_BIANCHI, { birthDate: '1990-03-05', sex: 'F' })).toEqual([]);
    });

    it('compares only the last two digits of the year (the century is not encoded)', () => {
      expect(errorCodes(MARIO_ROSSI, { birthDate: '1885-12-10' })).toEqual([]);
    });

    it.each([
      ['year', '1986-12-10'],
      ['month', '1985-11-10'],
      ['day', '1985-12-11'],
    ])('refuses a different %s', (_part, birthDate) => {
      expect(errorCodes(MARIO_ROSSI, { birthDate, sex: 'M' })).toEqual(['BIRTH_DATE_MISMATCH']);
    });

    it('says which dates differ', () => {
      expect(
        validateFiscalCode(MARIA_BIANCHI, { birthDate: '1990-03-06' }).errors[0].message,
      ).toEqual({
        it: 'la data di nascita nel codice (05/03/90) non corrisponde a quella indicata (1990-03-06)',
        en: 'encoded birth date (05/03/90) does not match the birth date 1990-03-06',
      });
    });

    it('refuses the other sex, in both directions', () => {
      expect(validateFiscalCode(MARIO_ROSSI, { sex: 'F' }).errors).toEqual([
        {
          code: 'SEX_MISMATCH',
          message: {
            it: 'il sesso nel codice (M) non corrisponde a quello indicato (F)',
            en: 'encoded sex (M) does not match the sex F',
          },
        },
      ]);
      expect(errorCodes(MARIA_BIANCHI, { sex: 'M' })).toEqual(['SEX_MISMATCH']);
    });

    it('reads a woman born on day N as day N, not N + 40', () => {
      expect(errorCodes(MARIA_BIANCHI, { birthDate: '1990-03-05' })).toEqual([]);
      expect(errorCodes(MARIA_BIANCHI, { birthDate: '1990-03-15' })).toEqual([
        'BIRTH_DATE_MISMATCH',
      ]);
    });

    it('does not compare a birth date that is not a valid date, nor empty values', () => {
      expect(errorCodes(MARIO_ROSSI, { birthDate: '10/12/1985' })).toEqual([]);
      expect(errorCodes(MARIO_ROSSI, { birthDate: null, sex: null })).toEqual([]);
      expect(errorCodes(MARIO_ROSSI, { birthDate: '' })).toEqual([]);
    });

    it('reports every problem of a well-formed code at once', () => {
      expect(errorCodes('RSSMRA85T10A562T', { birthDate: '1990-01-01', sex: 'F' })).toEqual([
        'CHECK_CHARACTER',
        'BIRTH_DATE_MISMATCH',
        'SEX_MISMATCH',
      ]);
    });

    it('does not compare the sex when the encoded date does not exist', () => {
      const first15 = 'RSSMRA85D31A562';
      expect(errorCodes(first15 + fiscalCodeCheckCharacter(first15), { sex: 'F' })).toEqual([
        'BIRTH_DATE_INVALID',
      ]);
    });
  });

  describe('omocodia', () => {
    it.each([
      ['the last digit replaced', 'RSSMRA85T10A56NH'],
      ['the last three digits replaced', 'RSSMRA85T10ARSNO'],
      ['all seven digits replaced', 'RSSMRAURTMLARSNL'],
    ])('accepts %s and reads the same person', (_case, code) => {
      expect(errorCodes(code, { birthDate: '1985-12-10', sex: 'M' })).toEqual([]);
      expect(errorCodes(code, { birthDate: '1985-12-11' })).toEqual(['BIRTH_DATE_MISMATCH']);
    });

    it('accepts replacements in any order, not only from the right', () => {
      const first15 = 'RSSMRAU5T10A562'; // 8 → U in the year only
      expect(
        errorCodes(first15 + fiscalCodeCheckCharacter(first15), { birthDate: '1985-12-10' }),
      ).toEqual([]);
    });

    it('decodes an omocode day of a woman (Q = 4, R = 5: day 45 → 5)', () => {
      const first15 = 'BNCMRA90CQRD150';
      expect(
        errorCodes(first15 + fiscalCodeCheckCharacter(first15), {
          birthDate: '1990-03-05',
          sex: 'F',
        }),
      ).toEqual([]);
    });

    it('refuses the omocode with the check character of the plain code', () => {
      expect(errorCodes('RSSMRA85T10A56NS')).toEqual(['CHECK_CHARACTER']);
    });
  });
});

describe(decodeFiscalCode.name, () => {
  const today = '2026-05-15';

  it('reads birth date and sex from a full code', () => {
    expect(decodeFiscalCode(MARIO_ROSSI, { today })).toEqual({
      year2: 85,
      month: 12,
      day: 10,
      sex: 'M',
      birthDate: '1985-12-10',
      municipalityCode: 'A562',
    });
    expect(decodeFiscalCode(MARIA_BIANCHI, { today })).toMatchObject({
      day: 5,
      sex: 'F',
      birthDate: '1990-03-05',
    });
  });

  it('reads a partial code as it is typed, lower case too, from the 11th character', () => {
    expect(decodeFiscalCode('rssmra85t1', { today })).toBeNull();
    expect(decodeFiscalCode('rssmra85t10', { today })).toEqual({
      year2: 85,
      month: 12,
      day: 10,
      sex: 'M',
      birthDate: '1985-12-10',
    });
    expect(decodeFiscalCode('RSSMRA85T10A56', { today })).not.toHaveProperty('municipalityCode');
    expect(decodeFiscalCode('RSSMRA85T10A562', { today })?.municipalityCode).toBe('A562');
  });

  it('does not need a right check character', () => {
    expect(decodeFiscalCode('RSSMRA85T10A562T', { today })?.birthDate).toBe('1985-12-10');
  });

  it('decodes omocodia, municipality included', () => {
    expect(decodeFiscalCode('RSSMRAURTMLARSNL', { today })).toEqual({
      year2: 85,
      month: 12,
      day: 10,
      sex: 'M',
      birthDate: '1985-12-10',
      municipalityCode: 'A562',
    });
  });

  it.each([
    ['a wrong character typed so far', 'RSSMRA85X10'],
    ['a wrong municipality letter', 'RSSMRA85T10156'],
    ['a day that cannot exist', 'RSSMRA85T32'],
    ['more than 16 characters', `${MARIO_ROSSI}X`],
  ])('returns null for %s', (_case, code) => {
    expect(decodeFiscalCode(code, { today })).toBeNull();
  });

  it('goes back as many centuries as 29 February needs, whatever the input range of years', () => {
    // 29/02/00 before 2000 is 1600-02-29: computed, so not bound to the years input may have.
    expect(decodeFiscalCode('RSSMRA00B69', { today: '1999-06-01' })?.birthDate).toBe('1600-02-29');
    expect(decodeFiscalCode('RSSMRA00B69', { today: '2026-05-15' })?.birthDate).toBe('2000-02-29');
  });

  describe('the century', () => {
    it.each([
      ['this year, birthday passed', '26', 'E', '01', '2026-05-01'],
      ['today', '26', 'E', '15', '2026-05-15'],
      ['this year, tomorrow: a century earlier', '26', 'E', '16', '1926-05-16'],
      ['last year', '25', 'T', '31', '2025-12-31'],
      ['a year after this one', '27', 'A', '01', '1927-01-01'],
      ['00: the year 2000', '00', 'A', '01', '2000-01-01'],
      ['00, 29 February: 2000 was a leap year', '00', 'B', '29', '2000-02-29'],
    ])('picks the latest date not in the future: %s', (_case, year2, month, day, birthDate) => {
      expect(decodeFiscalCode(`RSSMRA${year2}${month}${day}`, { today })?.birthDate).toBe(
        birthDate,
      );
    });

    it('skips a century in which 29 February does not exist', () => {
      // Today 1999: 2000 is in the future, 1900 was not a leap year, 1800 neither; 1600 was.
      expect(decodeFiscalCode('RSSMRA00B29', { today: '1999-06-01' })?.birthDate).toBe(
        '1600-02-29',
      );
    });

    it('defaults to today in Italy', () => {
      expect(decodeFiscalCode(MARIO_ROSSI)?.birthDate).toBe('1985-12-10');
    });
  });
});

describe(computeFiscalCode.name, () => {
  it.each([
    ['Rossi', 'Mario', '1985-12-10', 'M', 'A562', MARIO_ROSSI],
    ['Moretti', 'Matteo', '1991-04-08', 'M', 'F205', MATTEO_MORETTI],
    ['Bianchi', 'Maria', '1990-03-05', 'F', 'D150', MARIA_BIANCHI],
  ] as const)('computes %s %s', (lastName, firstName, birthDate, sex, municipalityCode, code) => {
    expect(computeFiscalCode({ lastName, firstName, birthDate, sex, municipalityCode })).toBe(code);
  });

  const letters = (lastName: string, firstName: string) =>
    computeFiscalCode({
      lastName,
      firstName,
      birthDate: '2000-01-01',
      sex: 'M',
      municipalityCode: 'D142',
    }).slice(0, 6);

  it.each([
    ['surname: consonants first', 'Rossi', 'Mario', 'RSSMRA'],
    ['surname: vowels after the consonants', 'Rea', 'Mario', 'REAMRA'],
    ['surname and name padded with X', 'Fo', 'Li', 'FOXLIX'],
    ['name with four consonants or more: 1st, 3rd and 4th', 'Rossi', 'Gianfranco', 'RSSGFR'],
    ['name with exactly three consonants: all three', 'Rossi', 'Marco', 'RSSMRC'],
    ['accents dropped', 'Cantù', 'Nicolò', 'CNTNCL'],
    ['apostrophes and spaces dropped', "D'Amico", 'Anna Maria', 'DMCNMR'],
  ])('%s', (_rule, lastName, firstName, expected) => {
    expect(letters(lastName, firstName)).toBe(expected);
  });

  it('adds 40 to the day for women and upper-cases the municipality code', () => {
    const code = computeFiscalCode({
      lastName: 'Fo',
      firstName: 'Li',
      birthDate: '2000-02-29',
      sex: 'F',
      municipalityCode: ' d142 ',
    });
    expect(code.slice(6, 15)).toBe('00B69D142');
    expect(validateFiscalCode(code, { birthDate: '2000-02-29', sex: 'F' }).valid).toBe(true);
  });

  it.each(['D14', 'D1422', '1142', 'DX42', ''])(
    'refuses the municipality code %j',
    (municipalityCode) => {
      expect(() =>
        computeFiscalCode({
          lastName: 'Rossi',
          firstName: 'Mario',
          birthDate: '1985-12-10',
          sex: 'M',
          municipalityCode,
        }),
      ).toThrow(RangeError);
    },
  );

  it('refuses a birth date that does not exist', () => {
    expect(() =>
      computeFiscalCode({
        lastName: 'Rossi',
        firstName: 'Mario',
        birthDate: '1985-02-29',
        sex: 'M',
        municipalityCode: 'A562',
      }),
    ).toThrow(RangeError);
  });
});

describe(toOmocode.name, () => {
  it.each([
    [1, 'RSSMRA85T10A56NH'],
    [2, 'RSSMRA85T10A5SNT'],
    [3, 'RSSMRA85T10ARSNO'],
    [7, 'RSSMRAURTMLARSNL'],
  ])(
    'replaces the last %i digits, right to left, and recomputes the check character',
    (level, code) => {
      expect(toOmocode(MARIO_ROSSI, level)).toBe(code);
    },
  );

  it('defaults to level 1 and normalises its input', () => {
    expect(toOmocode(' rssmra85t10a562s')).toBe('RSSMRA85T10A56NH');
  });

  it('keeps letters already replaced', () => {
    expect(toOmocode('RSSMRA85T10A56NH', 2)).toBe('RSSMRA85T10A5SNT');
  });

  it.each([0, 8, 1.5])('refuses level %p', (level) => {
    expect(() => toOmocode(MARIO_ROSSI, level)).toThrow(RangeError);
  });

  it('refuses a malformed code', () => {
    expect(() => toOmocode('RSSMRA85T10A562')).toThrow(RangeError);
  });
});

describe('fiscal code properties', () => {
  const name = fc.string({
    unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZàèìòù' "),
    maxLength: 20,
  });
  const person = fc.record({
    lastName: name,
    firstName: name,
    birthDate: fc.integer({ min: 0, max: 200 * 366 }).map((n) => addDays('1900-01-01', n)),
    sex: fc.constantFrom('F' as const, 'M' as const),
    municipalityCode: fc
      .tuple(fc.constantFrom(...'ABCDEFGHIJKLMZ'), fc.integer({ min: 0, max: 999 }))
      .map(([letter, n]) => letter + String(n).padStart(3, '0')),
  });
  const level = fc.integer({ min: 1, max: 7 });

  it('any computed code, and any omocode of it, validates against the person', () => {
    fc.assert(
      fc.property(person, level, (p, omocodeLevel) => {
        const code = computeFiscalCode(p);
        const facts = { birthDate: p.birthDate, sex: p.sex };
        expect(validateFiscalCode(code, facts)).toEqual({
          valid: true,
          normalized: code,
          errors: [],
        });
        expect(validateFiscalCode(toOmocode(code, omocodeLevel), facts).valid).toBe(true);
      }),
    );
  });

  it('decoding a computed code gives back the birth date and sex', () => {
    fc.assert(
      fc.property(person, level, (p, omocodeLevel) => {
        const today = addDays(p.birthDate, 365 * 50);
        const decoded = decodeFiscalCode(toOmocode(computeFiscalCode(p), omocodeLevel), { today });
        expect(decoded).toMatchObject({
          birthDate: p.birthDate,
          sex: p.sex,
          municipalityCode: p.municipalityCode,
        });
      }),
    );
  });

  it('any other check character fails with CHECK_CHARACTER', () => {
    fc.assert(
      fc.property(person, fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (p, ch) => {
        const code = computeFiscalCode(p);
        fc.pre(ch !== code[15]);
        expect(errorCodes(replaceAt(code, 15, ch))).toEqual(['CHECK_CHARACTER']);
      }),
    );
  });

  it('any single-character change anywhere makes the code invalid', () => {
    fc.assert(
      fc.property(
        person,
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
        (p, index, ch) => {
          const code = computeFiscalCode(p);
          fc.pre(ch !== code[index]);
          expect(validateFiscalCode(replaceAt(code, index, ch)).valid).toBe(false);
        },
      ),
    );
  });

  it('month letters and omocode letters are the published ones', () => {
    expect(FISCAL_CODE_MONTHS).toBe('ABCDEHLMPRST');
    expect(OMOCODE_LETTERS).toBe('LMNPQRSTUV');
  });
});
