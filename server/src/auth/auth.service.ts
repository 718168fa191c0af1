import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError, FieldsError } from '../common/domain-error';
import { errorBody, fieldError } from '../common/error-body';
import { AppConfig, CONFIG } from '../config/config';
import { PasswordTokensService } from '../password-tokens/password-tokens.service';
import { UnitOfWork } from '../common/unit-of-work';
import { User } from '../users/user.entity';
import { toSessionUser } from '../users/user.record';
import type { Caller } from './caller';
import { LoginThrottle, ThrottleCode } from './login-throttle';
import { isHardToGuess, WEAK_PASSWORD_MESSAGE } from './password-strength';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
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

/** Password reset requests a minute for one email address, from anywhere. */
export const RESET_PER_EMAIL_PER_MINUTE = 3;

/** The answer to every well-formed reset request, whether or not the address has an account. */
export const PASSWORD_RESET_ACCEPTED = {
  message:
    'if the address belongs to an active account, a link to choose a new password has been mailed to it (valid 72 hours, once)',
};

/** The 429 of a reset request beyond the limit of its address or its client. */
function resetThrottled(retryAfterSeconds: number): HttpException {
  return new HttpException(
    errorBody(
      429,
      'PASSWORD_RESET_RATE_LIMITED',
      { seconds: retryAfterSeconds },
      `too many password reset requests: try again in ${retryAfterSeconds} seconds`,
      { retryAfterSeconds },
    ),
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
    private readonly passwordTokens: PasswordTokensService,
    @Inject(CONFIG) private readonly config: AppConfig,
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

  /**
   * Mails a reset link to the address if it is an active account's; the same answer and
   * about the same work (one transaction with an audit event) either way. Limited per client
   * address and per email, in the database (the login throttle's table of counts, under
   * keys of their own).
   */
  async requestPasswordReset(emailInput: string, address: string) {
    const email = emailInput.trim().toLowerCase();
    const pseudonym = this.throttle.accountKey(email);
    for (const [key, max] of [
      [`reset:${address}`, this.config.passwordResetRatePerMinute],
      [`reset-email:${pseudonym.slice(0, 48)}`, RESET_PER_EMAIL_PER_MINUTE],
    ] as const) {
      const decision = await this.throttle.hitAddress(key, max);
      if (!decision.allowed) throw resetThrottled(decision.retryAfterSeconds);
    }
    const user = await this.users.findOneBy({ email });
    const known = user?.active ? user : undefined;
    await this.uow.run(async (tx) => {
      if (known) await this.passwordTokens.issue(tx, known, 'reset');
      await this.audit.append(tx, {
        actorId: null,
        action: 'password_reset_request',
        entityType: 'users',
        entityId: user?.id ?? null,
        changes: user ? {} : { emailPseudonym: [null, pseudonym.slice(0, 16)] },
      });
    });
    return PASSWORD_RESET_ACCEPTED;
  }

  /**
   * Changes the caller's own password: the current one is checked (and counted by the login
   * throttle like a sign-in), the new one must differ and be hard to guess. The flag to
   * change it is cleared, every older session ends; the answer is a new session.
   */
  async changePassword(caller: Caller, current: string, next: string, address: string) {
    if (next === current)
      throw new FieldsError({
        newPassword: fieldError('PASSWORD_UNCHANGED', {}, 'is the current password'),
      });
    const user = await this.users.findOneByOrFail({ id: caller.id });
    if (!(await isHardToGuess(next, [user.email, user.fullName])))
      throw new FieldsError({
        newPassword: fieldError('WEAK_PASSWORD', {}, WEAK_PASSWORD_MESSAGE),
      });
    const decision = await this.throttle.attempt(user.email, address);
    if (!decision.allowed) throw throttled(decision.code, decision.retryAfterSeconds);
    if (!(await verifyPassword(user.passwordHash, current)))
      throw new FieldsError({
        currentPassword: fieldError('CURRENT_PASSWORD_WRONG', {}, 'is not the current password'),
      });
    const passwordHash = await hashPassword(next);
    const updated = await this.uow.run(async (tx) => {
      await this.throttle.succeeded(tx, user.email, address);
      await tx.update(
        User,
        { id: user.id },
        { passwordHash, mustChangePassword: false, tokenVersion: () => 'token_version + 1' },
      );
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'password_change',
        entityType: 'users',
        entityId: user.id,
      });
      return tx.findOneByOrFail(User, { id: user.id });
    });
    return { accessToken: this.tokens.issue(updated), user: toSessionUser(updated) };
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
