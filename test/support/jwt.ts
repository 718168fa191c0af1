import { createHmac } from 'node:crypto';
import { E2E_JWT_SECRET } from './server';

/** Claims of a GenerAttivi access token (server/src/auth/tokens.service.ts). */
export interface TokenClaims {
  sub: unknown;
  tv: unknown;
  jti: unknown;
  iat: unknown;
  exp: unknown;
  [claim: string]: unknown;
}

export type ForgeAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'none';

export interface ForgeOptions {
  alg?: ForgeAlgorithm;
  /** Defaults to the secret the test servers run with. */
  secret?: string;
  /** Extra header fields (kid, typ…). */
  header?: Record<string, unknown>;
}

const HMAC: Record<Exclude<ForgeAlgorithm, 'none'>, string> = {
  HS256: 'sha256',
  HS384: 'sha384',
  HS512: 'sha512',
};

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

/** The payload of a JWT, without checking anything. */
export function decodeClaims(token: string): TokenClaims {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
}

/**
 * Signs a JWT by hand (node:crypto HMAC): a token that the server should accept when the
 * options match its own (HS256, E2E_JWT_SECRET, valid claims), and refuse otherwise.
 */
export function forgeToken(claims: Record<string, unknown>, options: ForgeOptions = {}): string {
  const alg = options.alg ?? 'HS256';
  const head = base64url(JSON.stringify({ alg, typ: 'JWT', ...options.header }));
  const body = base64url(JSON.stringify(claims));
  const signingInput = `${head}.${body}`;
  if (alg === 'none') return `${signingInput}.`;
  const signature = createHmac(HMAC[alg], options.secret ?? E2E_JWT_SECRET)
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${signature}`;
}

/** Seconds since the epoch, as JWT claims count time. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
