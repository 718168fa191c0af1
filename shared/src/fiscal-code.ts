/**
 * Italian fiscal code (codice fiscale) of a person: DM 23/12/1976, with omocodia.
 *
 *   R S S M R A 8 5 T 1 0 A 5 6 2 S
 *   └surname┘└name┘└yr┘m└day┘└place┘check
 *
 * The day is increased by 40 for women. When two people would get the same code, the
 * Agenzia delle Entrate replaces digits, from the right, with the letters L M N P Q R S T U V
 * (omocodia); every combination of such replacements is accepted here.
 */

import { ANY_YEAR, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate, todayIso } from './dates';
import type { Sex } from './enums';
import type { LocalizedText } from './text';

export type FiscalCodeErrorCode =
  'FORMAT' | 'CHECK_CHARACTER' | 'BIRTH_DATE_INVALID' | 'BIRTH_DATE_MISMATCH' | 'SEX_MISMATCH';

export interface FiscalCodeError {
  code: FiscalCodeErrorCode;
  /** Written to follow the field name: `fiscalCode: check character does not match`. */
  message: LocalizedText;
}

export interface FiscalCodeValidation {
  valid: boolean;
  /** The code trimmed and upper-cased, as it is stored. */
  normalized: string;
  errors: FiscalCodeError[];
}

export interface DecodedFiscalCode {
  /** The last two digits of the birth year. */
  year2: number;
  month: number;
  day: number;
  sex: Sex;
  /** The birth date with the century that makes the person 0 to 99 years old on `today`. */
  birthDate: string;
  /** The cadastral code of the municipality (or Z… for a foreign country), once typed. */
  municipalityCode?: string;
}

export const FISCAL_CODE_LENGTH = 16;

/** Month letters, January first. */
export const FISCAL_CODE_MONTHS = 'ABCDEHLMPRST';

/** The letters that replace the digits 0–9 in an omocode. */
export const OMOCODE_LETTERS = 'LMNPQRSTUV';

/** 0-based positions that hold digits (or their omocode letters), right to left. */
const NUMERIC_POSITIONS = [14, 13, 12, 10, 9, 7, 6] as const;

type Slot = 'letter' | 'digit' | 'month';
const SLOT_OF: Record<string, Slot> = { L: 'letter', D: 'digit', M: 'month' };
/** What each of the 16 positions holds: a Letter, a Digit (or omocode letter), the Month. */
const SLOTS: readonly Slot[] = [...'LLLLLLDDMDDLDDDL'].map((c) => SLOT_OF[c]);
const SLOT_ACCEPTS: Record<Slot, RegExp> = {
  letter: /^[A-Z]$/,
  digit: new RegExp(`^[0-9${OMOCODE_LETTERS}]$`),
  month: new RegExp(`^[${FISCAL_CODE_MONTHS}]$`),
};
const SLOT_NAMES: Record<Slot, LocalizedText> = {
  letter: { it: 'una lettera', en: 'a letter' },
  digit: {
    it: `una cifra (o una lettera tra ${OMOCODE_LETTERS})`,
    en: `a digit (or one of ${OMOCODE_LETTERS})`,
  },
  month: {
    it: `la lettera del mese (${FISCAL_CODE_MONTHS})`,
    en: `a month letter (${FISCAL_CODE_MONTHS})`,
  },
};

/** Values of characters in odd positions (1st, 3rd, …); digits count as A, B, C… */
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function characterIndex(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 57 ? c - 48 : c - 65; // '0'..'9' → 0..9, 'A'..'Z' → 0..25
}

/** The check character of the first 15 characters of a code (upper case, well formed). */
export function fiscalCodeCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = characterIndex(first15[i]);
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Trimmed and upper-cased, the way codes are stored. */
export function normalizeFiscalCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The code with its omocode letters turned back into digits. */
function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const position of NUMERIC_POSITIONS) {
    const digit = OMOCODE_LETTERS.indexOf(chars[position] ?? '');
    if (digit >= 0) chars[position] = String(digit);
  }
  return chars.join('');
}

/** The first character that does not fit its position, if any. */
function formatError(code: string): FiscalCodeError | null {
  if (code.length !== FISCAL_CODE_LENGTH) {
    return {
      code: 'FORMAT',
      message: {
        it: `deve avere 16 caratteri (ne ha ${code.length})`,
        en: `must have 16 characters (has ${code.length})`,
      },
    };
  }
  const position = SLOTS.findIndex((slot, i) => !SLOT_ACCEPTS[slot].test(code[i]));
  if (position < 0) return null;
  const expected = SLOT_NAMES[SLOTS[position]];
  const ch = code[position];
  return {
    code: 'FORMAT',
    message: {
      it: `il carattere ${position + 1} («${ch}») non è valido: è attesa ${expected.it}`,
      en: `character ${position + 1} ('${ch}') is not valid: expected ${expected.en}`,
    },
  };
}

interface EncodedDate {
  year2: number;
  month: number;
  /** The day field as written: 1–31 for men, 41–71 for women. */
  dayField: number;
}

/** Reads year, month and day from a code whose first 11 characters are well formed. */
function readEncodedDate(code: string): EncodedDate {
  const plain = decodeOmocodia(code);
  return {
    year2: Number(plain.slice(6, 8)),
    month: FISCAL_CODE_MONTHS.indexOf(plain[8]) + 1,
    dayField: Number(plain.slice(9, 11)),
  };
}

/** Day and sex, or null when the day field or the date cannot exist (in any century). */
function dayAndSex({ year2, month, dayField }: EncodedDate): { day: number; sex: Sex } | null {
  const sex: Sex = dayField > 40 ? 'F' : 'M';
  const day = sex === 'F' ? dayField - 40 : dayField;
  // year2 = 00 may be 2000, a leap year: 29 February is possible whenever year2 % 4 === 0.
  const maxDay = month === 2 && year2 % 4 === 0 ? 29 : daysInMonth(2001, month);
  return day >= 1 && day <= maxDay ? { day, sex } : null;
}

/** The latest century in which the date exists and is not after `today`. */
function birthDateOn(year2: number, month: number, day: number, today: string): string {
  const todayYear = parseIsoDate(today).year;
  let century = Math.floor(todayYear / 100) * 100;
  for (;;) {
    const date = formatIsoDate(century + year2, month, day);
    // Any year: the century is computed, and 29 February may go back to 1600.
    if (isIsoDate(date, ANY_YEAR) && date <= today) return date;
    century -= 100;
  }
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Validates a fiscal code and, when given, its consistency with a person's birth date
 * (`YYYY-MM-DD`: last two digits of the year, month and day) and sex. A birth date that is
 * not a valid date is not compared (the birth date field reports its own error).
 */
export function validateFiscalCode(
  code: string,
  person: { birthDate?: string | null; sex?: Sex | null } = {},
): FiscalCodeValidation {
  const normalized = normalizeFiscalCode(code);
  const format = formatError(normalized);
  if (format) return { valid: false, normalized, errors: [format] };

  const errors: FiscalCodeError[] = [];
  if (fiscalCodeCheckCharacter(normalized) !== normalized[15]) {
    errors.push({
      code: 'CHECK_CHARACTER',
      message: {
        it: 'il carattere di controllo non corrisponde',
        en: 'check character does not match',
      },
    });
  }

  const encoded = readEncodedDate(normalized);
  const decoded = dayAndSex(encoded);
  if (!decoded) {
    const written = `${twoDigits(encoded.dayField)}/${twoDigits(encoded.month)}/${twoDigits(encoded.year2)}`;
    errors.push({
      code: 'BIRTH_DATE_INVALID',
      message: {
        it: `la data di nascita nel codice (${written}) non esiste`,
        en: `encoded birth date (${written}) does not exist`,
      },
    });
  } else if (person.birthDate && isIsoDate(person.birthDate)) {
    const { year, month, day } = parseIsoDate(person.birthDate);
    if (year % 100 !== encoded.year2 || month !== encoded.month || day !== decoded.day) {
      const written = `${twoDigits(decoded.day)}/${twoDigits(encoded.month)}/${twoDigits(encoded.year2)}`;
      errors.push({
        code: 'BIRTH_DATE_MISMATCH',
        message: {
          it: `la data di nascita nel codice (${written}) non corrisponde a quella indicata (${person.birthDate})`,
          en: `encoded birth date (${written}) does not match the birth date ${person.birthDate}`,
        },
      });
    }
  }

  if (decoded && person.sex && person.sex !== decoded.sex) {
    errors.push({
      code: 'SEX_MISMATCH',
      message: {
        it: `il sesso nel codice (${decoded.sex}) non corrisponde a quello indicato (${person.sex})`,
        en: `encoded sex (${decoded.sex}) does not match the sex ${person.sex}`,
      },
    });
  }

  return { valid: errors.length === 0, normalized, errors };
}

/**
 * Reads birth date and sex from a code, even a partial one being typed (the first 11
 * characters are enough) and without checking the check character. The century is the
 * latest in which the person is not born after `today` (so aged 0 to 99). Returns null
 * when the characters typed so far cannot be a fiscal code.
 */
export function decodeFiscalCode(
  code: string,
  options: { today?: string } = {},
): DecodedFiscalCode | null {
  const normalized = normalizeFiscalCode(code);
  if (normalized.length < 11 || normalized.length > FISCAL_CODE_LENGTH) return null;
  if (SLOTS.some((slot, i) => i < normalized.length && !SLOT_ACCEPTS[slot].test(normalized[i]))) {
    return null;
  }
  const encoded = readEncodedDate(normalized);
  const decoded = dayAndSex(encoded);
  if (!decoded) return null;
  const today = options.today ?? todayIso();
  const result: DecodedFiscalCode = {
    year2: encoded.year2,
    month: encoded.month,
    day: decoded.day,
    sex: decoded.sex,
    birthDate: birthDateOn(encoded.year2, encoded.month, decoded.day, today),
  };
  if (normalized.length >= 15) result.municipalityCode = decodeOmocodia(normalized).slice(11, 15);
  return result;
}

/** The three letters for a surname: consonants, then vowels, then X. */
function surnameLetters(surname: string): string {
  const letters = lettersOf(surname);
  return (consonantsOf(letters) + vowelsOf(letters) + 'XXX').slice(0, 3);
}

/** The three letters for a first name: with four consonants or more, the 1st, 3rd and 4th. */
function nameLetters(name: string): string {
  const letters = lettersOf(name);
  const consonants = consonantsOf(letters);
  if (consonants.length >= 4) return consonants[0] + consonants[2] + consonants[3];
  return (consonants + vowelsOf(letters) + 'XXX').slice(0, 3);
}

/** Upper-case A–Z only: accents dropped ("Nicolò" → "NICOLO"), apostrophes and spaces removed. */
function lettersOf(text: string): string {
  return text
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function consonantsOf(letters: string): string {
  return letters.replace(/[AEIOU]/g, '');
}

function vowelsOf(letters: string): string {
  return letters.replace(/[^AEIOU]/g, '');
}

/**
 * Computes the fiscal code of a person (without omocodia). Used by the demo and scale data;
 * throws a RangeError on a birth date that is not `YYYY-MM-DD` or a municipality code that
 * is not a letter and three digits (e.g. `D142` for Crema).
 */
export function computeFiscalCode(person: {
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: Sex;
  municipalityCode: string;
}): string {
  const { year, month, day } = parseIsoDate(person.birthDate);
  const municipality = person.municipalityCode.trim().toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(municipality)) {
    throw new RangeError(
      `not a municipality code (letter and three digits): ${person.municipalityCode}`,
    );
  }
  const first15 =
    surnameLetters(person.lastName) +
    nameLetters(person.firstName) +
    twoDigits(year % 100) +
    FISCAL_CODE_MONTHS[month - 1] +
    twoDigits(person.sex === 'F' ? day + 40 : day) +
    municipality;
  return first15 + fiscalCodeCheckCharacter(first15);
}

/**
 * The omocode variant of a well-formed code: its last `level` digits (1 to 7, right to
 * left, as the Agenzia delle Entrate assigns them) replaced by letters, with the new check
 * character. Throws a RangeError on a malformed code or a level outside 1–7.
 */
export function toOmocode(code: string, level = 1): string {
  const normalized = normalizeFiscalCode(code);
  if (formatError(normalized)) throw new RangeError(`not a well-formed fiscal code: ${code}`);
  if (!Number.isInteger(level) || level < 1 || level > NUMERIC_POSITIONS.length) {
    throw new RangeError(`omocode level must be 1 to ${NUMERIC_POSITIONS.length}: ${level}`);
  }
  const chars = normalized.split('');
  for (const position of NUMERIC_POSITIONS.slice(0, level)) {
    const digit = Number(chars[position]);
    if (!Number.isNaN(digit)) chars[position] = OMOCODE_LETTERS[digit];
  }
  const first15 = chars.slice(0, 15).join('');
  return first15 + fiscalCodeCheckCharacter(first15);
}
