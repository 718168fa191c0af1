import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  createHmac,
  createSecretKey,
  type KeyObject,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { EntityManager, LessThan } from 'typeorm';
import { AppConfig, CONFIG } from '../config/config';
import type { User } from '../users/user.entity';
import { RevokedToken } from './revoked-token.entity';

export interface TokenClaims {
  sub: number;
  /** The user's token version when issued; a bump revokes every older token. */
  tv: number;
  jti: string;
  exp: number;
  iat: number;
}

/** A base64url JSON segment of a token, or undefined. */
function segment(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Issues and checks short-lived HS256 tokens; the algorithm is pinned on both sides.
 * Checking is the HMAC of the signed part with the secret's key object, compared in constant
 * time, and the claims' types and times: what jsonwebtoken does for HS256, without its
 * per-call option handling (a measurable part of a one-record read). Whether the token is
 * revoked, or its user deactivated or changed, is the caller lookup's (sessions.repository.ts).
 */
@Injectable()
export class TokensService {
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  issue(user: User): string {
    return this.jwt.sign(
      { sub: user.id, tv: user.tokenVersion },
      {
        algorithm: 'HS256',
        expiresIn: this.config.jwtTtlSeconds,
        jwtid: randomUUID(),
      },
    );
  }

  /** The claims of a well-signed HS256 token that has not expired; undefined otherwise. */
  verify(token: string): TokenClaims | undefined {
    const [header, payload, signature, extra] = token.split('.');
    if (signature === undefined || extra !== undefined) return undefined;
    if (segment(header)?.alg !== 'HS256') return undefined;
    // Compared as text: a signature is valid in its one canonical base64url spelling.
    const expected = Buffer.from(
      createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url'),
    );
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = segment(payload);
    const now = Math.floor(Date.now() / 1000);
    // A token without `exp` would never expire: refused (jsonwebtoken accepts one).
    if (
      !claims ||
      typeof claims.exp !== 'number' ||
      claims.exp <= now ||
      (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) ||
      typeof claims.sub !== 'number' ||
      typeof claims.tv !== 'number' ||
      typeof claims.jti !== 'string' ||
      typeof claims.iat !== 'number'
    )
      return undefined;
    return claims as unknown as TokenClaims;
  }

  /** Within the caller's transaction (with the logout's audit event). */
  async revoke(tx: EntityManager, jti: string, expiresAtSeconds: number): Promise<void> {
    const revoked = tx.getRepository(RevokedToken);
    await revoked.upsert({ jti, expiresAt: String(expiresAtSeconds) }, ['jti']);
    await revoked.delete({ expiresAt: LessThan(String(Math.floor(Date.now() / 1000))) });
  }
}
