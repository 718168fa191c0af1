import { computeFiscalCode } from '@generattivi/shared';
import { fiscalCodeFacts, fiscalCodeProblem } from './fiscalCodeCheck';

const code = computeFiscalCode({
  lastName: 'Rossi',
  firstName: 'Maria',
  birthDate: '1990-05-17',
  sex: 'F',
  municipalityCode: 'D142',
});
const person = { birthDate: '1990-05-17', sex: 'F' as const };

describe('fiscalCodeProblem', () => {
  it('accepts a valid code consistent with the person, and an empty field', () => {
    expect(fiscalCodeProblem(code, person)).toBeNull();
    expect(fiscalCodeProblem(code.toLowerCase(), person)).toBeNull();
    expect(fiscalCodeProblem('', person)).toBeNull();
  });

  it('says in Italian that the check character does not match', () => {
    const wrong = code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
    expect(fiscalCodeProblem(wrong, person)).toEqual({
      it: 'Il carattere di controllo non corrisponde',
      en: 'Check character does not match',
    });
  });

  it('waits for all 16 characters while typing, but not on submit', () => {
    expect(fiscalCodeProblem(code.slice(0, 9), person, { typing: true })).toBeNull();
    expect(fiscalCodeProblem(code.slice(0, 9), person)?.it).toMatch(/16 caratteri/);
  });

  it('reports a code that does not match the birth date or sex', () => {
    expect(fiscalCodeProblem(code, { birthDate: '1991-05-17', sex: 'F' })).not.toBeNull();
    expect(fiscalCodeProblem(code, { birthDate: '1990-05-17', sex: 'M' })).not.toBeNull();
  });
});

describe('fiscalCodeFacts', () => {
  it('reads birth date and sex from the first 11 characters', () => {
    expect(fiscalCodeFacts(code.slice(0, 11), '2026-11-25')).toEqual({
      birthDate: '1990-05-17',
      sex: 'F',
    });
    expect(fiscalCodeFacts(code.slice(0, 8))).toBeNull();
  });
});
