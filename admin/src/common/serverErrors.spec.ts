import { HttpError } from 'ra-core';
import { describeServerError, isSignedPactRefusal, isStaleVersion } from './serverErrors';

const evaluation = {
  eligible: false,
  ruleSetVersion: '2026.1',
  evaluatedAt: '2026-11-25T10:00:00.000Z',
  referenceDate: '2026-11-25',
  checks: [
    {
      rule: 'AUTONOMY_AGE' as const,
      passed: false,
      message: 'Età 40 anni',
      messages: { it: 'Età 40 anni', en: 'Age 40 years' },
    },
  ],
};

describe(describeServerError.name, () => {
  it('recognises a stale version by the code the server sends, VERSION_CONFLICT', () => {
    expect(isStaleVersion({ code: 'VERSION_CONFLICT' })).toBe(true);
    expect(isStaleVersion({ code: 'OPEN_PACT_EXISTS' })).toBe(false);
    expect(isStaleVersion({ code: 'STALE_VERSION' })).toBe(false);
    expect(isStaleVersion(null)).toBe(false);
  });

  it('sorts the refusals of a transition', () => {
    const body = (extra: object) => ({ statusCode: 0, error: '', message: 'm', ...extra });
    expect(
      describeServerError(new HttpError('Conflitto', 409, body({ code: 'VERSION_CONFLICT' }))),
    ).toEqual({ kind: 'version', message: 'Conflitto' });
    expect(
      describeServerError(new HttpError('m', 409, body({ allowed: ['ACTIVE', 'CANCELLED'] }))),
    ).toEqual({ kind: 'transition', message: 'm', allowed: ['ACTIVE', 'CANCELLED'] });
    expect(describeServerError(new HttpError('m', 422, body({ evaluation })))).toEqual({
      kind: 'eligibility',
      message: 'm',
      evaluation,
    });
    const errors = { milestones: 'at least one milestone is required' };
    expect(
      describeServerError(new HttpError('m', 422, body({ code: 'APPROVAL_REQUIREMENTS', errors }))),
    ).toEqual({ kind: 'approval', message: 'm', errors });
    expect(describeServerError(new HttpError('m', 400, body({ errors: { reason: 'r' } })))).toEqual(
      { kind: 'fields', message: 'm', errors: { reason: 'r' } },
    );
  });

  it('tells a missing signed pact from the other refusals of an approval', () => {
    const body = { message: 'm', errors: { signedPact: 'missing' } };
    expect(
      describeServerError(new HttpError('Manca', 422, { ...body, code: 'SIGNED_PACT_MISSING' })),
    ).toEqual({ kind: 'signedPact', message: 'Manca' });
    expect(isSignedPactRefusal({ code: 'SIGNED_PACT_REQUIRED' })).toBe(true);
    expect(isSignedPactRefusal({ code: 'APPROVAL_REQUIREMENTS' })).toBe(false);
    expect(isSignedPactRefusal(null)).toBe(false);
    // The same code on another status (a 409 on deletion) is not this refusal.
    expect(
      describeServerError(new HttpError('m', 409, { message: 'm', code: 'SIGNED_PACT_MISSING' })),
    ).toEqual({ kind: 'other', status: 409, message: 'm' });
    expect(
      describeServerError(new HttpError('m', 422, { ...body, code: 'APPROVAL_REQUIREMENTS' })),
    ).toEqual({ kind: 'approval', message: 'm', errors: body.errors });
  });

  it('keeps anything else as a message', () => {
    expect(describeServerError(new HttpError('Forbidden', 403, { message: 'no' }))).toEqual({
      kind: 'other',
      status: 403,
      message: 'Forbidden',
    });
    expect(describeServerError(new TypeError('Failed to fetch'))).toMatchObject({
      kind: 'other',
      message: 'Failed to fetch',
    });
  });
});
