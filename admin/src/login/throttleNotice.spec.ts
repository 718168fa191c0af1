import { HttpError } from 'ra-core';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import enMessages from '../i18n/en';
import itMessages from '../i18n/it';
import { throttleNotice } from './throttleNotice';

const translate = polyglotI18nProvider(() => itMessages, 'it').translate;
const inEnglish = polyglotI18nProvider(() => enMessages, 'en').translate;

/** A refused login as the server sends it (server/src/auth/auth.service.ts). */
const refused = (code: string, seconds: number) =>
  new HttpError('too many', 429, {
    statusCode: 429,
    error: 'Too Many Requests',
    code,
    params: { seconds },
    message: 'too many attempts',
    retryAfterSeconds: seconds,
  });

describe('throttleNotice', () => {
  it('says in Italian which limit was hit and how long to wait', () => {
    expect(throttleNotice(refused('ACCOUNT_LOCKED', 840), translate)).toBe(
      'Troppi tentativi non riusciti per questo account da questo indirizzo: riprova tra 14 minuti.',
    );
    expect(throttleNotice(refused('ACCOUNT_BACKOFF', 1), translate)).toBe(
      'Troppi tentativi non riusciti per questo account da più indirizzi: riprova tra 1 secondo.',
    );
    expect(throttleNotice(refused('LOGIN_RATE_LIMITED', 42), translate)).toBe(
      'Troppi tentativi di accesso da questo indirizzo: riprova tra 42 secondi.',
    );
  });

  it('says it in English too', () => {
    expect(throttleNotice(refused('ACCOUNT_LOCKED', 61), inEnglish)).toBe(
      'Too many failed attempts for this account from this address: try again in 61 seconds.',
    );
    expect(throttleNotice(refused('LOGIN_RATE_LIMITED', 120), inEnglish)).toBe(
      'Too many login attempts from this address: try again in 2 minutes.',
    );
  });

  it('leaves other errors alone', () => {
    expect(throttleNotice(new HttpError('bad', 401, {}), translate)).toBeUndefined();
    expect(throttleNotice(refused('SOMETHING_ELSE', 5), translate)).toBeUndefined();
    expect(throttleNotice(new Error('network'), translate)).toBeUndefined();
  });
});
