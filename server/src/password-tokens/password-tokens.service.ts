import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PasswordTokenInfo, PasswordTokenPurpose } from '@generattivi/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isHardToGuess, WEAK_PASSWORD_MESSAGE } from '../auth/password-strength';
import { hashPassword } from '../auth/passwords';
import { nowIso } from '../common/clock';
import { DomainError, FieldsError } from '../common/domain-error';
import { fieldError } from '../common/error-body';
import { UnitOfWork } from '../common/unit-of-work';
import { AppConfig, CONFIG } from '../config/config';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { passwordLink, passwordMail } from './password-mails';
import { PasswordToken } from './password-token.entity';

/** How long a link to set a password stays valid. */
export const PASSWORD_TOKEN_TTL_MS = 72 * 60 * 60_000;

/** The stored form of a token: its hex SHA-256 (a 256-bit random secret needs no slow hash). */
export const tokenHash = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

const invalid = () =>
  new DomainError(
    400,
    'PASSWORD_TOKEN_INVALID',
    {},
    'token: no such link (mistyped, or replaced by a newer one): ask for a new one',
  );

/**
 * Links to set a password: an invitation for an account created without one, a reset asked
 * for with «Password dimenticata?». The secret (32 random bytes) travels only in the mail;
 * the database keeps its SHA-256, its expiry (72 hours) and when it was used (once).
 */
@Injectable()
export class PasswordTokensService {
  constructor(
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Within `tx`: replaces the user's unused links with a new one and queues its mail.
   * Resolves to when the link expires.
   */
  async issue(
    tx: EntityManager,
    user: Pick<User, 'id' | 'email' | 'fullName'>,
    purpose: PasswordTokenPurpose,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(now + PASSWORD_TOKEN_TTL_MS).toISOString();
    await tx.delete(PasswordToken, { userId: user.id, usedAt: IsNull() });
    await tx.insert(PasswordToken, {
      userId: user.id,
      purpose,
      hash: tokenHash(token),
      expiresAt,
      usedAt: null,
      createdAt: new Date(now).toISOString(),
    });
    await this.mail.enqueue(
      tx,
      passwordMail({
        purpose,
        to: user.email,
        fullName: user.fullName,
        link: passwordLink(this.config.publicUrl, token),
        expiresAt,
      }),
    );
    return expiresAt;
  }

  /** The link's row and account, or the coded refusal: unknown 400, used or expired 410. */
  private async valid(
    tx: EntityManager,
    token: string,
  ): Promise<{ row: PasswordToken; user: User }> {
    const query = tx
      .getRepository(PasswordToken)
      .createQueryBuilder('t')
      .where('t.hash = :hash', { hash: tokenHash(token) });
    if (tx.connection.options.type === 'postgres' && tx.queryRunner?.isTransactionActive)
      query.setLock('pessimistic_write');
    const row = await query.getOne();
    if (!row) throw invalid();
    if (row.usedAt !== null)
      throw new DomainError(410, 'PASSWORD_TOKEN_USED', {}, 'token: this link was already used');
    if (row.expiresAt <= nowIso())
      throw new DomainError(410, 'PASSWORD_TOKEN_EXPIRED', {}, 'token: this link has expired');
    const user = await tx.findOneBy(User, { id: row.userId });
    if (!user?.active) throw invalid();
    return { row, user };
  }

  /** Whom a valid link is for (the page greets them); the refusals of `valid`. */
  async describe(token: string): Promise<PasswordTokenInfo> {
    const { row, user } = await this.valid(this.dataSource.manager, token);
    return { email: user.email, fullName: user.fullName, purpose: row.purpose };
  }

  /**
   * Sets the password of the link's account and uses the link up, in one transaction: the
   * account's other unused links die, its sessions end (token version), it no longer has to
   * change its password; audited. Resolves to the account's email.
   */
  async setPassword(token: string, password: string): Promise<{ email: string }> {
    const peek = await this.valid(this.dataSource.manager, token);
    if (!(await isHardToGuess(password, [peek.user.email, peek.user.fullName])))
      throw new FieldsError({ password: fieldError('WEAK_PASSWORD', {}, WEAK_PASSWORD_MESSAGE) });
    const passwordHash = await hashPassword(password);
    return this.uow.run(async (tx) => {
      const { row, user } = await this.valid(tx, token);
      const used = await tx
        .createQueryBuilder()
        .update(PasswordToken)
        .set({ usedAt: nowIso() })
        .where('id = :id AND used_at IS NULL', { id: row.id })
        .execute();
      if (used.affected !== 1)
        throw new DomainError(410, 'PASSWORD_TOKEN_USED', {}, 'token: this link was already used');
      await tx.delete(PasswordToken, { userId: user.id, usedAt: IsNull() });
      await tx.update(
        User,
        { id: user.id },
        {
          passwordHash,
          mustChangePassword: false,
          tokenVersion: user.tokenVersion + 1,
        },
      );
      await this.audit.append(tx, {
        actorId: user.id,
        action: 'password_set',
        entityType: 'users',
        entityId: user.id,
        changes: { purpose: [null, row.purpose] },
      });
      return { email: user.email };
    });
  }
}
