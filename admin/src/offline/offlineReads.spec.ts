import { HttpError, type DataProvider } from 'ra-core';
import { isNetworkError, withOfflineReads } from './offlineReads';
import type { Snapshot } from './store';

const snapshot: Snapshot = {
  userId: 21,
  syncedAt: '2026-12-06T10:42:00.000Z',
  records: {
    pacts: [
      { id: 7, status: 'ACTIVE' },
      { id: 8, status: 'SUSPENDED' },
    ],
    milestones: [
      { id: 1, pactId: 7, status: 'PENDING', dueDate: '2026-12-10' },
      { id: 2, pactId: 8, status: 'PENDING', dueDate: '2026-12-01' },
    ],
    notes: [],
    users: [],
    territories: [],
    beneficiaries: [],
    households: [],
    'community-labs': [],
  },
};

const failing = (error: unknown) => jest.fn(() => Promise.reject(error));

function provider(error: unknown): DataProvider {
  return {
    getList: failing(error),
    getOne: failing(error),
    getMany: failing(error),
    getManyReference: failing(error),
    update: failing(error),
    updateMany: failing(error),
    create: failing(error),
    delete: failing(error),
    deleteMany: failing(error),
  };
}

const offline = new TypeError('Failed to fetch');

describe('withOfflineReads', () => {
  it('answers the reads of a resource kept on the device when the network is not there', async () => {
    const heard: boolean[] = [];
    const reads = withOfflineReads(
      provider(offline),
      async () => snapshot,
      (r) => heard.push(r),
    );
    await expect(
      reads.getList('pacts', {
        filter: { status: ['ACTIVE'] },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 10 },
      }),
    ).resolves.toEqual({ data: [{ id: 7, status: 'ACTIVE' }], total: 1 });
    await expect(reads.getOne('pacts', { id: '8' })).resolves.toEqual({
      data: { id: 8, status: 'SUSPENDED' },
    });
    await expect(reads.getMany('milestones', { ids: [2, 3] })).resolves.toEqual({
      data: [snapshot.records.milestones[1]],
    });
    const reference = await reads.getManyReference('milestones', {
      target: 'pactId',
      id: 7,
      filter: { status: 'PENDING' },
      sort: { field: 'dueDate', order: 'ASC' },
      pagination: { page: 1, perPage: 3 },
    });
    expect(reference).toEqual({ data: [snapshot.records.milestones[0]], total: 1 });
    expect(heard).toEqual([false, false, false, false]);
  });

  it('fails as before on an HTTP error, a record or resource not kept, no snapshot, or a write', async () => {
    const refused = new HttpError('Forbidden', 403);
    await expect(
      withOfflineReads(provider(refused), async () => snapshot).getOne('pacts', { id: 7 }),
    ).rejects.toBe(refused);
    const reads = withOfflineReads(provider(offline), async () => snapshot);
    await expect(reads.getOne('pacts', { id: 99 })).rejects.toBe(offline);
    await expect(reads.getOne('audit-events', { id: 1 })).rejects.toBe(offline);
    await expect(
      withOfflineReads(provider(offline), async () => undefined).getOne('pacts', { id: 7 }),
    ).rejects.toBe(offline);
    await expect(reads.create('notes', { data: {} })).rejects.toBe(offline);
  });

  it('answers from the network when it is there, and says so', async () => {
    const heard: boolean[] = [];
    const online = {
      ...provider(offline),
      getOne: jest.fn(async () => ({
        data: { id: 7, status: 'CLOSED' },
      })) as unknown as DataProvider['getOne'],
    };
    const reads = withOfflineReads(
      online,
      async () => snapshot,
      (r) => heard.push(r),
    );
    await expect(reads.getOne('pacts', { id: 7 })).resolves.toEqual({
      data: { id: 7, status: 'CLOSED' },
    });
    expect(heard).toEqual([true]);
  });

  it('counts only a request without an answer as offline', () => {
    expect(isNetworkError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isNetworkError(new HttpError('Bad Gateway', 502))).toBe(false);
  });
});
