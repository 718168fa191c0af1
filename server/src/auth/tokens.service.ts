import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, LessThan, Repository } from 'typeorm';
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

/** Issues and checks short-lived HS256 tokens; the algorithm is pinned on both sides. */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
    @InjectRepository(RevokedToken) private readonly revoked: Repository<RevokedToken>,
  ) {}

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

  /** The claims of a valid, unexpired, unrevoked token; undefined otherwise. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: such a token is refused.
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.sub !== 'number' ||
      typeof claims.tv !== 'number' ||
      typeof claims.jti !== 'string'
    )
      return undefined;
    if (await this.revoked.existsBy({ jti: claims.jti })) return undefined;
    return claims;
  }

  /** Within the caller's transaction (with the logout's audit event). */
  async revoke(tx: EntityManager, jti: string, expiresAtSeconds: number): Promise<void> {
    const revoked = tx.getRepository(RevokedToken);
    await revoked.upsert({ jti, expiresAt: String(expiresAtSeconds) }, ['jti']);
    await revoked.delete({ expiresAt: LessThan(String(Math.floor(Date.now() / 1000))) });
  }
}
