import { HttpException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import {
  documentIdempotencyKey,
  fingerprintSecret,
  parseIdempotencyKey,
  requestFingerprint,
} from './idempotency';

const SECRET = fingerprintSecret('a-token-secret');
const fp = (method: string, path: string, body: unknown) =>
  requestFingerprint(method, path, body, SECRET);

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof HttpException
      ? [
          e.getStatus(),
          (e.getResponse() as { code: string; params: unknown }).code,
          (e.getResponse() as { params: unknown }).params,
        ]
      : e;
  }
  return 'no error';
};

describe('parseIdempotencyKey', () => {
  it('takes a UUID of any version, in lower case, and no header as no key', () => {
    expect(parseIdempotencyKey('123e4567-e89b-12d3-a456-426614174000')).toBe(
      '123e4567-e89b-12d3-a456-426614174000',
    );
    expect(parseIdempotencyKey('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(parseIdempotencyKey(' 0f8fad5b-d9cb-469f-a165-70867728950e ')).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(parseIdempotencyKey(['0f8fad5b-d9cb-469f-a165-70867728950e'])).toBe(
      '0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    '',
    '   ',
    'abc',
    '0f8fad5b-d9cb-469f-a165-70867728950',
    '0f8fad5b-d9cb-469f-a165-70867728950e0',
    '0f8fad5bd9cb469fa16570867728950e',
    '0f8fad5b-d9cb-469f-a165-70867728950g',
    '{0f8fad5b-d9cb-469f-a165-70867728950e}',
    'x0f8fad5b-d9cb-469f-a165-70867728950e',
  ])('refuses %j with a 400 naming the header', (value) => {
    expect(codeOf(() => parseIdempotencyKey(value))).toEqual([
      400,
      'IDEMPOTENCY_KEY_INVALID',
      { header: 'Idempotency-Key' },
    ]);
  });

  it('refuses the header given twice', () => {
    const key = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(codeOf(() => parseIdempotencyKey([key, key]))).toEqual([
      400,
      'IDEMPOTENCY_KEY_INVALID',
      { header: 'Idempotency-Key' },
    ]);
  });
});

describe('requestFingerprint', () => {
  const base = fp('POST', '/api/notes', { pactId: 1, body: 'x', kind: 'CALL' });

  it('is an HMAC-SHA256 in hexadecimal, under a secret derived from the token secret', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const body = { pactId: 1, body: 'x', kind: 'CALL' };
    const other = fingerprintSecret('another-token-secret');
    expect(other).not.toBe(SECRET);
    expect(requestFingerprint('POST', '/api/notes', body, other)).not.toBe(base);
    expect(
      requestFingerprint('POST', '/api/notes', body, fingerprintSecret('a-token-secret')),
    ).toBe(base);
  });

  it('does not depend on the order of the keys, at any depth, nor on the case of the method', () => {
    expect(fp('post', '/api/notes', { kind: 'CALL', body: 'x', pactId: 1 })).toBe(base);
    expect(fp('POST', '/p', { a: { x: 1, y: [{ b: 1, a: 2 }] }, b: 2 })).toBe(
      fp('POST', '/p', { b: 2, a: { y: [{ a: 2, b: 1 }], x: 1 } }),
    );
  });

  it('tells apart a different method, path, query string, value, type or array order', () => {
    const others = [
      fp('PUT', '/api/notes', { pactId: 1, body: 'x', kind: 'CALL' }),
      fp('POST', '/api/notes/', { pactId: 1, body: 'x', kind: 'CALL' }),
      fp('POST', '/api/notes?a=1', { pactId: 1, body: 'x', kind: 'CALL' }),
      fp('POST', '/api/notes', { pactId: 2, body: 'x', kind: 'CALL' }),
      fp('POST', '/api/notes', { pactId: '1', body: 'x', kind: 'CALL' }),
      fp('POST', '/api/notes', { pactId: 1, body: 'x' }),
      fp('POST', '/api/notes', { pactId: 1, body: 'x', kind: 'CALL', extra: null }),
    ];
    for (const other of others) expect(other).not.toBe(base);
    expect(fp('POST', '/p', [1, 2])).not.toBe(fp('POST', '/p', [2, 1]));
  });

  it('counts no body as null, and text that could be a path as part of the body', () => {
    expect(fp('POST', '/p', undefined)).toBe(fp('POST', '/p', null));
    expect(fp('POST', '/p', {})).not.toBe(fp('POST', '/p', null));
    expect(fp('POST', '/a', '\n/b')).not.toBe(fp('POST', '/a\n', '/b'));
  });
});

describe('documentIdempotencyKey', () => {
  const signedIn = () => ({ security: [{ bearer: [] }], responses: {} });
  const keyed = (operation?: { parameters?: unknown[] }) =>
    (operation?.parameters ?? []).some((p) => {
      const { in: where, name } = p as { in?: string; name?: string };
      return where === 'header' && name === 'Idempotency-Key';
    });

  it('lists the header on the POST and PUT of signed-in users only, once', () => {
    const doc = documentIdempotencyKey({
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/api/notes': { post: signedIn(), get: signedIn() },
        '/api/milestones/{id}': { put: signedIn(), get: signedIn(), delete: signedIn() },
        '/api/auth/login': { post: { responses: {} } },
      },
    } as OpenAPIObject);
    expect(keyed(doc.paths['/api/notes'].post)).toBe(true);
    expect(keyed(doc.paths['/api/milestones/{id}'].put)).toBe(true);
    expect(doc.paths['/api/milestones/{id}'].put?.parameters).toHaveLength(1);
    expect(keyed(doc.paths['/api/notes'].get)).toBe(false);
    expect(keyed(doc.paths['/api/milestones/{id}'].get)).toBe(false);
    expect(keyed(doc.paths['/api/milestones/{id}'].delete)).toBe(false);
    expect(keyed(doc.paths['/api/auth/login'].post)).toBe(false);
  });
});
