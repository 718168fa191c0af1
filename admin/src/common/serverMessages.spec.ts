import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from '../i18n/en';
import itMessages from '../i18n/it';
import { localizeFieldErrors, localizeServerMessage } from './serverMessages';

const italian = polyglotI18nProvider(() => itMessages, 'it').translate;
const english = polyglotI18nProvider(() => en, 'en').translate;

/** Messages as the API words them (class-validator's and the server's own). */
const SERVER_MESSAGES = [
  'unknown field',
  'should not be empty',
  'must not be blank',
  'must be a string',
  'must be an integer number',
  'must be a boolean value',
  'must be an array',
  'must be a positive whole number',
  'must not be less than 1',
  'must not be greater than 20',
  'must be shorter than or equal to 200 characters',
  'must be longer than or equal to 12 characters',
  'must contain no more than 3 elements',
  'must contain at least 1 elements',
  'must be one of the following values: AUTONOMY, INCLUSION',
  'must be a valid email address',
  'is too easy to guess (a common password, a word list entry or a simple pattern): choose a passphrase of several unrelated words',
  'must be a date YYYY-MM-DD',
  'must be an ISO 8601 instant such as 2026-11-25T10:00:00Z',
  'must not be before 1900-01-01',
  'must not be in the future',
  'cannot be in the future',
  'must be after the start date',
  'must be a number of euros, 0 or more, with at most 2 decimals (null when unknown)',
  'must be a phone number: digits, spaces and + . / ( ) -',
  'is read-only: it cannot be set on create',
  'is read-only',
  'is required for an AUTONOMY pact',
  'is required for an INCLUSION pact',
  'is required when the household is assessed as vulnerable',
  'is not a municipality of Ambito distrettuale di Crema',
  'names a territory that does not exist',
  'no territory 9',
  'no beneficiary 12',
  'no household 3',
  'no pact 4711',
  'only an ACHIEVED milestone has an achievement date',
  'must be an active community maker working in the pact territory',
  'must be an active social worker of the pact territory',
  'must be a community laboratory of the pact territory',
  'the database is busy with other changes: nothing was saved; try again in a moment',
  'the beneficiary already has an open AUTONOMY pact',
  'the household already has an open INCLUSION pact',
  'the pact is closed: its milestones and assignments are read-only',
  'milestones still PENDING: 2 («Colloquio», «Tirocinio»); say in openMilestones whether they become MISSED, CANCELLED',
];

describe(localizeServerMessage.name, () => {
  it('puts every known wording in Italian', () => {
    for (const message of SERVER_MESSAGES) {
      const out = localizeServerMessage(message, italian);
      expect(out).not.toBe(message);
      expect(out).not.toMatch(/app\.server\./);
    }
  });

  it('gives the English screen the server’s own words back', () => {
    for (const message of SERVER_MESSAGES.filter((m) => m !== 'must not be in the future')) {
      expect(localizeServerMessage(message, english)).toBe(message);
    }
  });

  it('keeps numbers, values and names, and every message of a field', () => {
    expect(
      localizeServerMessage(
        'must be a string, must be shorter than or equal to 200 characters',
        italian,
      ),
    ).toBe('deve essere un testo, può avere al massimo 200 caratteri');
    expect(
      localizeServerMessage('must be one of the following values: AUTONOMY, INCLUSION', italian),
    ).toBe('deve essere uno tra: AUTONOMY, INCLUSION');
    expect(
      localizeServerMessage('is not a municipality of Ambito distrettuale di Crema', italian),
    ).toBe('non è un comune di Ambito distrettuale di Crema');
    expect(localizeServerMessage('no household 3', italian)).toBe('nessun nucleo familiare n. 3');
    expect(
      localizeServerMessage(
        'milestones still PENDING: 2 («Colloquio», «Tirocinio»); say in openMilestones whether they become MISSED, CANCELLED',
        italian,
      ),
    ).toBe(
      'Tappe ancora da fare: 2 («Colloquio», «Tirocinio»); scegli se segnarle come non raggiunte o annullate',
    );
  });

  it('leaves a wording it does not know as the server wrote it', () => {
    expect(localizeServerMessage('check character does not match', italian)).toBe(
      'check character does not match',
    );
  });

  it('localizes a 400 body field by field', () => {
    expect(
      localizeFieldErrors({ title: 'should not be empty', extra: 'unknown field' }, italian),
    ).toEqual({ title: 'obbligatorio', extra: 'campo non previsto' });
  });
});
