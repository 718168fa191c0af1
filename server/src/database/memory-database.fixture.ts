import type { Role } from '@generattivi/shared';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { appDataSourceOptions } from '../data-source';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/**
 * A fresh SQLite database in memory with the real migrations, holding one territory (Crema)
 * and one account in it, for the specs that run the real services and SQL.
 */
export async function memoryDatabase(account: {
  email: string;
  fullName: string;
  role: Role;
}): Promise<{ dataSource: DataSource; territory: Territory; user: User }> {
  const dataSource = new DataSource(appDataSourceOptions({ type: 'sqlite', path: ':memory:' }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const territories = dataSource.getRepository(Territory);
  const territory = await territories.save(
    territories.create({ code: 'CREMA', name: 'Crema', municipalities: ['Crema'] }),
  );
  const users = dataSource.getRepository(User);
  const user = await users.save(
    users.create({ ...account, territoryIds: [territory.id], passwordHash: 'not-a-real-hash' }),
  );
  return { dataSource, territory, user };
}

/** The caller an account signs in as (a test token). */
export function callerOf(user: User): Caller {
  const { id, email, fullName, role, territoryIds } = user;
  return { id, email, fullName, role, territoryIds, jti: 'test', tokenExpiresAt: 0 };
}
