import type { EntityManager, Repository } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import type { Caller } from './caller';
import { EVERYONE, findInScope, lookupInScope, scopeKey, seesPact } from './scope';

const caller = (role: Caller['role'], id = 7, territoryIds = [1]): Caller => ({
  id,
  email: `${id}@x.it`,
  fullName: 'X',
  role,
  territoryIds,
  jti: 'j',
  tokenExpiresAt: 0,
});

/** A repository whose query builder records what it was asked and finds `found`. */
function fakeRepository(found: object | null, engine = 'sqlite') {
  const calls: { alias?: string; where: string[]; lock?: string } = { where: [] };
  const qb = {
    andWhere(condition: string) {
      calls.where.push(condition);
      return qb;
    },
    setLock(mode: string) {
      calls.lock = mode;
      return qb;
    },
    getOne: () => Promise.resolve(found),
  };
  const repo = {
    target: 'Thing',
    createQueryBuilder(alias: string) {
      calls.alias = alias;
      return qb;
    },
  } as unknown as Repository<object>;
  const tx = {
    connection: { options: { type: engine } },
    getRepository: () => repo,
  } as unknown as EntityManager;
  return { repo, tx, calls };
}

const PACTS = { resource: 'pacts', alias: 'p' };

describe('findInScope', () => {
  it('finds by id on the resource alias, within the caller’s scope', async () => {
    const { repo, calls } = fakeRepository({ id: 3 });
    const reader = { caller: caller('COMMUNITY_MAKER'), kind: 'pacts' as const };
    expect(await findInScope(repo, PACTS, reader, 3)).toEqual({ id: 3 });
    expect(calls.alias).toBe('p');
    expect(calls.where).toEqual(['p.communityMakerId = :scopeUserId', 'p.id = :id']);
  });

  it('adds no scope for ADMIN, nor for a resource everyone reads', async () => {
    const admin = fakeRepository({ id: 3 });
    await findInScope(admin.repo, PACTS, { caller: caller('ADMIN'), kind: 'pacts' }, 3);
    expect(admin.calls.where).toEqual(['p.id = :id']);
    const everyone = fakeRepository({ id: 3 });
    await findInScope(everyone.repo, { resource: 'territories', alias: 't' }, EVERYONE, 3);
    expect(everyone.calls.where).toEqual(['t.id = :id']);
  });

  it('answers 404 naming the resource when the record is out of scope or absent', async () => {
    const { repo } = fakeRepository(null);
    const reader = { caller: caller('SOCIAL_WORKER'), kind: 'pacts' as const };
    const missing = findInScope(repo, PACTS, reader, 9);
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toMatchObject({ message: 'pacts 9 not found' });
    expect(await lookupInScope(repo, PACTS, reader, 9)).toBeNull();
  });

  it('locks the row inside a unit of work on PostgreSQL only', async () => {
    const pg = fakeRepository({ id: 1 }, 'postgres');
    await findInScope(pg.repo, PACTS, EVERYONE, 1, { tx: pg.tx, lock: 'pessimistic_write' });
    expect(pg.calls.lock).toBe('pessimistic_write');
    const sqlite = fakeRepository({ id: 1 });
    await findInScope(sqlite.repo, PACTS, EVERYONE, 1, {
      tx: sqlite.tx,
      lock: 'pessimistic_write',
    });
    expect(sqlite.calls.lock).toBeUndefined();
  });
});

describe('scopeKey', () => {
  it('keys by what decides the scope: territories, the maker themselves, or everything', () => {
    const key = scopeKey;
    expect(key(caller('SOCIAL_WORKER', 1, [2, 1]))).toBe(key(caller('SOCIAL_WORKER', 2, [1, 2])));
    expect(key(caller('SOCIAL_WORKER', 1, [1]))).not.toBe(key(caller('SOCIAL_WORKER', 1, [1, 2])));
    expect(key(caller('COMMUNITY_MAKER', 1))).not.toBe(key(caller('COMMUNITY_MAKER', 2)));
    expect(key(caller('COMMUNITY_MAKER', 1, [1]))).not.toBe(key(caller('SOCIAL_WORKER', 1, [1])));
    expect(key(caller('MANAGER', 1, []))).toBe(key(caller('ADMIN', 2, [3])));
  });
});

describe('seesPact', () => {
  const pact = { territoryId: 1, communityMakerId: 7 };
  it('is applyScope’s rule for a pact already read', () => {
    expect(seesPact(caller('ADMIN', 1, []), pact)).toBe(true);
    expect(seesPact(caller('MANAGER', 1, []), pact)).toBe(true);
    expect(seesPact(caller('SOCIAL_WORKER', 1, [2, 1]), pact)).toBe(true);
    expect(seesPact(caller('SOCIAL_WORKER', 1, [2]), pact)).toBe(false);
    expect(seesPact(caller('SOCIAL_WORKER', 1, []), pact)).toBe(false);
    expect(seesPact(caller('COMMUNITY_MAKER', 7, []), pact)).toBe(true);
    expect(seesPact(caller('COMMUNITY_MAKER', 8, [1]), pact)).toBe(false);
    expect(seesPact(caller('COMMUNITY_MAKER', 7), { ...pact, communityMakerId: null })).toBe(false);
  });
});
