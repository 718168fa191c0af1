import { ERROR_CODES, QUERY_PARAM_REASONS, type ErrorCode } from '@generattivi/shared';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import en from '../i18n/en';
import itMessages from '../i18n/it';
import { localizeCode, localizeFieldErrors } from './serverMessages';

const italian = polyglotI18nProvider(() => itMessages, 'it').translate;
const english = polyglotI18nProvider(() => en, 'en').translate;

const placeholders = (message: string) =>
  [...message.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Sample parameters for a code: each named after itself, so that every one shows. */
const sampleParams = (code: ErrorCode) =>
  Object.fromEntries(ERROR_CODES[code].map((name) => [name, `<${name}>`]));

describe('error codes', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it.each([
    ['Italian', itMessages],
    ['English', en],
  ])('every code the server can send is said in %s, with exactly its parameters', (_, messages) => {
    const catalogue = messages.app.error_codes as Record<string, string>;
    for (const code of codes) {
      expect({ code, has: typeof catalogue[code] }).toEqual({ code, has: 'string' });
      expect({ code, params: placeholders(catalogue[code]) }).toEqual({
        code,
        params: [...new Set(ERROR_CODES[code])].sort(),
      });
    }
    // No wording for a code the server no longer sends.
    expect(Object.keys(catalogue).filter((code) => !codes.includes(code as ErrorCode))).toEqual([]);
  });

  it('writes each code in Italian, never the English fallback', () => {
    for (const code of codes) {
      const out = localizeCode({ code, params: sampleParams(code) }, italian, 'FALLBACK');
      expect(out).not.toBe('FALLBACK');
      expect(out).not.toMatch(/app\.error_codes|%\{/);
    }
  });
});

describe(localizeCode.name, () => {
  it('puts the parameters in, in the language on screen', () => {
    const conflict = { code: 'VERSION_CONFLICT', params: { sent: 3, current: 4 } };
    expect(localizeCode(conflict, italian, 'x')).toBe(
      'Qualcun altro ha modificato questo record (hai la versione 3, ora è alla 4): ricarica e ripeti la modifica.',
    );
    expect(localizeCode(conflict, english, 'x')).toMatch(/you have version 3, it is now at 4/);
    expect(
      localizeCode(
        { code: 'DUPLICATE_FISCAL_CODE', params: { fiscalCode: 'RSSMRA85T10A562S' } },
        italian,
        'x',
      ),
    ).toBe('Un altro beneficiario ha già il codice fiscale RSSMRA85T10A562S.');
  });

  it('says values of a vocabulary (resources, types, statuses) in the language on screen', () => {
    expect(
      localizeCode(
        { code: 'NO_SUCH_RECORD', params: { resource: 'households', id: 3 } },
        italian,
        'x',
      ),
    ).toBe('Nucleo familiare n. 3: non esiste o non è visibile');
    expect(
      localizeCode(
        {
          code: 'TRANSITION_NOT_ALLOWED',
          params: { from: 'DRAFT', to: 'COMPLETED', allowed: 'SUBMITTED, CANCELLED' },
        },
        italian,
        'x',
      ),
    ).not.toMatch(/DRAFT|COMPLETED|SUBMITTED|CANCELLED/);
  });

  it('says the pact fields a community maker may not change by their labels', () => {
    const refusal = {
      code: 'MAKER_FIELDS_ONLY',
      params: { fields: 'socialWorkerId, plannedEndDate' },
    };
    expect(localizeCode(refusal, italian, 'x')).toBe(
      'I community maker possono modificare solo titolo, obiettivi e impegni, non: Assistente sociale, Fine prevista.',
    );
    expect(localizeCode(refusal, english, 'x')).not.toMatch(/socialWorkerId|plannedEndDate/);
  });

  it('says a refused list parameter and its reason in the language on screen', () => {
    const refusal = { code: 'QUERY_PARAM', params: { param: 'range', reason: 'PAGE_TOO_LARGE' } };
    expect(localizeCode(refusal, italian, 'x')).toBe(
      'Intervallo di righe non valido: chiede più righe di quante ne stiano in una pagina',
    );
    expect(localizeCode(refusal, english, 'x')).toBe(
      'not a valid row range: asks for more rows than fit in a page',
    );
  });

  it.each([
    ['Italian', itMessages],
    ['English', en],
  ])('words every reason and parameter of QUERY_PARAM in %s', (_, messages) => {
    expect(Object.keys(messages.app.query_param_reasons).sort()).toEqual(
      [...QUERY_PARAM_REASONS].sort(),
    );
    expect(Object.keys(messages.app.query_params).sort()).toEqual(['filter', 'range', 'sort']);
  });

  it('writes a limit in time as dd/mm/yyyy, an instant with its Italian time', () => {
    const before = (date: string) => ({ code: 'NOT_BEFORE', params: { date } });
    expect(localizeCode(before('2026-01-15'), italian, 'x')).toBe(
      'non può essere precedente al 15/01/2026',
    );
    expect(localizeCode(before('2026-01-15T08:30:00.000Z'), english, 'x')).toBe(
      'must not be before 15/01/2026, 09:30',
    );
  });

  it('says the largest file accepted in kB or MB', () => {
    const tooLarge = { code: 'DOCUMENT_TOO_LARGE', params: { maxBytes: 10 * 1024 * 1024 } };
    expect(localizeCode(tooLarge, italian, 'x')).toBe('Il file è troppo grande: al massimo 10 MB.');
    expect(localizeCode(tooLarge, english, 'x')).toBe('The file is too large: at most 10 MB.');
  });

  it('falls back to the server message for an unknown code or missing parameters', () => {
    expect(localizeCode({ code: 'STALE_VERSION' }, italian, 'stale')).toBe('stale');
    expect(localizeCode({ code: 'VERSION_CONFLICT', params: { sent: 3 } }, italian, 'v')).toBe('v');
    expect(localizeCode({}, italian, 'plain')).toBe('plain');
  });
});

describe(localizeFieldErrors.name, () => {
  it('localizes a 400 body field by field from each field code', () => {
    expect(
      localizeFieldErrors(
        {
          errors: { title: 'must be shorter…', extra: 'unknown field', other: 'something new' },
          fieldErrors: {
            title: { code: 'MAX_LENGTH', params: { max: 200 } },
            extra: { code: 'UNKNOWN_FIELD', params: {} },
          },
        },
        italian,
      ),
    ).toEqual({
      title: 'può avere al massimo 200 caratteri',
      extra: 'campo non previsto',
      other: 'something new',
    });
  });
});
