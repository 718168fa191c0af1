import type { DataSource } from 'typeorm';
import { memoryDatabase } from '../database/memory-database.fixture';
import type { User } from '../users/user.entity';
import { RevokedToken } from './revoked-token.entity';
import { SessionsRepository } from './sessions.repository';
import type { TokenClaims } from './tokens.service';

describe(SessionsRepository.name, () => {
  let dataSource: DataSource;
  let user: User;
  let sessions: SessionsRepository;
  const claimsOf = (jti: string, tv = 0): TokenClaims => ({
    sub: user.id,
    tv,
    jti,
    exp: Math.floor(Date.now() / 1000) + 60,
    iat: 0,
  });
  const update = (changes: Record<string, unknown>) =>
    dataSource.getRepository('User').update({ id: user.id }, changes);

  beforeEach(async () => {
    ({ dataSource, user } = await memoryDatabase({
      email: 'sociale@example.it',
      fullName: 'Anna Sociale',
      role: 'SOCIAL_WORKER',
    }));
    sessions = new SessionsRepository(dataSource);
  });
  afterEach(() => dataSource.destroy());

  it('gives the caller of a standing token', async () => {
    await expect(sessions.caller(claimsOf('a'))).resolves.toEqual({
      id: user.id,
      email: 'sociale@example.it',
      fullName: 'Anna Sociale',
      role: 'SOCIAL_WORKER',
      territoryIds: user.territoryIds,
      jti: 'a',
      tokenExpiresAt: claimsOf('a').exp,
      mustChangePassword: false,
    });
  });

  it('says whether the user must change a password an administrator set', async () => {
    await update({ mustChangePassword: true, version: user.version + 1 });
    expect((await sessions.caller(claimsOf('a')))?.mustChangePassword).toBe(true);
  });

  it('keeps the caller while the user record is at the same version, reads it again after', async () => {
    await sessions.caller(claimsOf('a'));
    await update({ fullName: 'Changed Without Version' });
    expect((await sessions.caller(claimsOf('a')))?.fullName).toBe('Anna Sociale');
    await update({ fullName: 'Anna Rossi', version: user.version + 1 });
    expect((await sessions.caller(claimsOf('a')))?.fullName).toBe('Anna Rossi');
  });

  it('refuses at once a token revoked, of a deactivated user, of an older token version', async () => {
    await expect(sessions.caller(claimsOf('a'))).resolves.toBeDefined();
    await dataSource.getRepository(RevokedToken).insert({ jti: 'a', expiresAt: '9999999999' });
    await expect(sessions.caller(claimsOf('a'))).resolves.toBeUndefined();

    await expect(sessions.caller(claimsOf('b'))).resolves.toBeDefined();
    await update({ active: false });
    await expect(sessions.caller(claimsOf('b'))).resolves.toBeUndefined();
    await update({ active: true });
    await expect(sessions.caller(claimsOf('b'))).resolves.toBeDefined();

    await update({ tokenVersion: 1 });
    await expect(sessions.caller(claimsOf('b', 0))).resolves.toBeUndefined();
    await expect(sessions.caller(claimsOf('c', 1))).resolves.toBeDefined();
  });

  it('refuses a token of a user that does not exist', async () => {
    await expect(
      sessions.caller({ ...claimsOf('a'), sub: user.id + 1000 }),
    ).resolves.toBeUndefined();
  });
});
