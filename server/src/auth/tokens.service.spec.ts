import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import type { AppConfig } from '../config/config';
import type { User } from '../users/user.entity';
import { TokensService } from './tokens.service';

describe(TokensService.name, () => {
  const secret = 'a-test-secret-long-enough-for-hs256-tokens';
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
  const config = { jwtSecret: secret, jwtTtlSeconds: 60 } as AppConfig;
  const tokens = new TokensService(jwt, config);
  const user = { id: 7, tokenVersion: 2 } as User;
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** A token signed by hand: any header and claims, with `key`. */
  const signed = (header: object, claims: object, key = secret) => {
    const body = `${b64(header)}.${b64(claims)}`;
    return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const valid = () => ({ sub: 7, tv: 2, jti: 'j', iat: now(), exp: now() + 60 });

  it('accepts the tokens it issues, with their claims', () => {
    expect(tokens.verify(tokens.issue(user))).toMatchObject({ sub: 7, tv: 2 });
    expect(tokens.verify(signed({ alg: 'HS256', typ: 'JWT' }, valid()))).toMatchObject({
      jti: 'j',
    });
  });

  it('refuses another algorithm, another key, a changed payload or signature', () => {
    const header = { alg: 'HS256', typ: 'JWT' };
    expect(tokens.verify(signed({ alg: 'HS512' }, valid()))).toBeUndefined();
    const unsigned = `${b64({ alg: 'none' })}.${b64(valid())}.`;
    expect(tokens.verify(unsigned)).toBeUndefined();
    expect(tokens.verify(signed(header, valid(), 'another-secret'))).toBeUndefined();
    const [h, , s] = signed(header, valid()).split('.');
    expect(tokens.verify(`${h}.${b64({ ...valid(), sub: 1 })}.${s}`)).toBeUndefined();
    // The last character of a 32-byte base64url signature carries 2 unused bits.
    const token = signed(header, valid());
    const last = token.at(-1)!;
    const sibling = 'AEIMQUYcgkosw048'.includes(last)
      ? String.fromCharCode(last.charCodeAt(0) + 1)
      : 'A';
    expect(tokens.verify(token.slice(0, -1) + sibling)).toBeUndefined();
    expect(tokens.verify(`${token}.x`)).toBeUndefined();
    expect(tokens.verify('not-a-token')).toBeUndefined();
  });

  it('refuses a token expired, without exp, not yet valid or with claims of other types', () => {
    const header = { alg: 'HS256' };
    expect(tokens.verify(signed(header, { ...valid(), exp: now() }))).toBeUndefined();
    expect(tokens.verify(signed(header, { ...valid(), exp: undefined }))).toBeUndefined();
    expect(tokens.verify(signed(header, { ...valid(), nbf: now() + 60 }))).toBeUndefined();
    expect(tokens.verify(signed(header, { ...valid(), nbf: now() }))).toBeDefined();
    expect(tokens.verify(signed(header, { ...valid(), sub: '7' }))).toBeUndefined();
    expect(tokens.verify(signed(header, { ...valid(), tv: undefined }))).toBeUndefined();
    expect(tokens.verify(signed(header, { ...valid(), jti: 1 }))).toBeUndefined();
  });
});
