import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import { errorBody } from '../common/error-body';
import { UnitOfWork } from '../common/unit-of-work';
import { User } from '../users/user.entity';
import { toSessionUser } from '../users/user.record';
import type { Caller } from './caller';
import { LoginThrottle, ThrottleCode } from './login-throttle';
import { decoyHash, verifyPassword } from './passwords';
import { TokensService } from './tokens.service';

export const BAD_CREDENTIALS = 'invalid email or password';

const THROTTLE_MESSAGES: Record<ThrottleCode, (wait: string) => string> = {
  ACCOUNT_LOCKED: (wait) => `too many failed attempts for this account: try again in ${wait}`,
  ACCOUNT_BACKOFF: (wait) =>
    `too many failed attempts for this account from several addresses: try again in ${wait}`,
  LOGIN_RATE_LIMITED: (wait) => `too many login attempts from this address: try again in ${wait}`,
};

/** The 429 of a refused login; the filter copies `retryAfterSeconds` into `Retry-After`. */
export function throttled(code: ThrottleCode, retryAfterSeconds: number): HttpException {
  const wait =
    retryAfterSeconds >= 120
      ? `${Math.ceil(retryAfterSeconds / 60)} minutes`
      : `${retryAfterSeconds} seconds`;
  return new HttpException(
    errorBody(429, code, { seconds: retryAfterSeconds }, THROTTLE_MESSAGES[code](wait), {
      retryAfterSeconds,
    }),
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async login(emailInput: string, password: string, address: string) {
    const email = emailInput.trim().toLowerCase();
    // Counted as a failure from here until it succeeds: parallel guesses cannot overtake the lock.
    const decision = await this.throttle.attempt(email, address);
    if (!decision.allowed) throw throttled(decision.code, decision.retryAfterSeconds);
    const user = await this.users.findOneBy({ email });
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await decoyHash(), password)) && false;
    if (!user || !ok || !user.active) {
      await this.uow.run((tx) =>
        this.audit.append(tx, {
          actorId: null,
          action: 'login_failed',
          entityType: 'users',
          entityId: user?.id ?? null,
          // An unknown address is kept only as a keyed pseudonym: people type passwords into
          // the email field, and nobody reading the trail may guess them back.
          changes: user
            ? {}
            : { emailPseudonym: [null, this.throttle.accountKey(email).slice(0, 16)] },
        }),
      );
      throw new DomainError(401, 'BAD_CREDENTIALS', {}, BAD_CREDENTIALS);
    }
    await this.uow.run(async (tx) => {
      await this.throttle.succeeded(tx, email, address);
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'login',
        entityType: 'users',
        entityId: user.id,
      });
    });
    return { accessToken: this.tokens.issue(user), user: toSessionUser(user) };
  }

  async logout(caller: Caller): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.tokens.revoke(tx, caller.jti, caller.tokenExpiresAt);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'logout',
        entityType: 'users',
        entityId: caller.id,
      });
    });
  }
}
