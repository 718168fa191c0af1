import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@generattivi/shared';
import type { DataSource } from 'typeorm';
import { PreparedQueries, statement } from '../database/prepared-query';
import type { Caller } from './caller';
import type { TokenClaims } from './tokens.service';

/**
 * Whether a token still stands, read on every request: its user is active at the token's
 * version and the token is not revoked. Cheap (two primary-key lookups), and read from the
 * database, so a logout, a deactivation or a change of role or territories on one server
 * instance refuses the token at once on every other.
 */
const STANDING = statement(
  'sessions_standing',
  `SELECT u.version,
          CASE WHEN u.active AND u.token_version = ?
                AND NOT EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = ?)
               THEN 1 ELSE 0 END AS valid
     FROM users u
    WHERE u.id = ?`,
);

/** What a request needs to know of its user (Caller). */
const CALLER = statement(
  'sessions_caller',
  `SELECT u.email, u.full_name AS "fullName", u.role, u.territory_ids AS "territoryIds",
          u.must_change_password AS "mustChangePassword", u.version
     FROM users u
    WHERE u.id = ?`,
);

/** How many tokens' callers are kept (the least recently seen dropped past it). */
const CALLERS_KEPT = 10_000;

interface Kept {
  caller: Caller;
  /** The user's record version the caller was read at. */
  version: number;
}

/**
 * The signed-in caller of a verified token. The user's name, role and territories are read
 * once per token and kept while the token lives; each request reads only whether the token
 * still stands and the user's record version, so a kept caller is never stale: a change of
 * role or territories, a deactivation and a password change bump the token version (the
 * token stops standing), any other change of the user the record version (read again).
 */
@Injectable()
export class SessionsRepository {
  private readonly db: PreparedQueries;
  private readonly kept = new Map<string, Kept>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.db = new PreparedQueries(dataSource);
  }

  async caller(claims: TokenClaims): Promise<Caller | undefined> {
    const standing = await this.db.one<{ version: number; valid: number }>(STANDING, [
      claims.tv,
      claims.jti,
      claims.sub,
    ]);
    const kept = this.kept.get(claims.jti);
    if (!standing || Number(standing.valid) !== 1) {
      this.kept.delete(claims.jti);
      return undefined;
    }
    if (kept && kept.version === standing.version) {
      // Most recently seen last: the map's first entry is the one to drop.
      this.kept.delete(claims.jti);
      this.kept.set(claims.jti, kept);
      return kept.caller;
    }
    const row = await this.db.one<{
      email: string;
      fullName: string;
      role: Role;
      territoryIds: string;
      mustChangePassword: boolean | number;
      version: number;
    }>(CALLER, [claims.sub]);
    if (!row) return undefined;
    const caller: Caller = {
      id: claims.sub,
      email: row.email,
      fullName: row.fullName,
      role: row.role,
      territoryIds: JSON.parse(row.territoryIds) as number[],
      jti: claims.jti,
      tokenExpiresAt: claims.exp,
      mustChangePassword: Boolean(row.mustChangePassword),
    };
    this.kept.delete(claims.jti);
    this.kept.set(claims.jti, { caller, version: row.version });
    if (this.kept.size > CALLERS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    return caller;
  }

  /** Forgets a token's caller (its logout): the next request reads its standing anyway. */
  forget(jti: string): void {
    this.kept.delete(jti);
  }
}
