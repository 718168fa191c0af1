import { queryRecords, readSnapshot, stripPersonal, type SnapshotSource } from './snapshot';
import type { StoredRecord } from './store';

describe('stripPersonal', () => {
  it('drops fiscal codes and contacts at any depth, and keeps the rest', () => {
    expect(
      stripPersonal({
        id: 1,
        fiscalCode: 'RSSMRA85M01D142X',
        title: 'Orto',
        beneficiary: { firstName: 'Marta', FiscalCode: 'X', email: 'm@x.it', phone: '1' },
        members: [{ fiscalCode: 'Y', lastName: 'Rossi', address: 'via Roma' }],
        fiscalCodeNote: 'kept: another field',
      }),
    ).toEqual({
      id: 1,
      title: 'Orto',
      beneficiary: { firstName: 'Marta' },
      members: [{ lastName: 'Rossi' }],
      fiscalCodeNote: 'kept: another field',
    });
    expect(stripPersonal(null)).toBeNull();
    expect(stripPersonal(['a', 1])).toEqual(['a', 1]);
  });
});

describe('queryRecords', () => {
  const records: StoredRecord[] = [
    { id: 1, pactId: 7, status: 'PENDING', dueDate: '2026-12-10' },
    { id: 2, pactId: 7, status: 'ACHIEVED', dueDate: '2026-12-01' },
    { id: 3, pactId: 8, status: 'PENDING', dueDate: '2026-12-05' },
    { id: 4, pactId: 7, status: 'PENDING', dueDate: null },
  ];

  it('filters by value (a list is any of its values; ids as text or number), ignores q', () => {
    expect(queryRecords(records, { filter: { pactId: '7', q: 'x' } }).total).toBe(3);
    expect(
      queryRecords(records, { filter: { pactId: [7, 8], status: 'PENDING' } }).data.map(
        (r) => r.id,
      ),
    ).toEqual([1, 3, 4]);
    expect(queryRecords(records, { filter: { status: ['MISSED'] } })).toEqual({
      data: [],
      total: 0,
    });
  });

  it('sorts both ways with empty values last, and pages with the whole total', () => {
    expect(
      queryRecords(records, { sort: { field: 'dueDate', order: 'ASC' } }).data.map((r) => r.id),
    ).toEqual([2, 3, 1, 4]);
    const page = queryRecords(records, {
      sort: { field: 'dueDate', order: 'DESC' },
      pagination: { page: 2, perPage: 2 },
    });
    expect(page.total).toBe(4);
    expect(page.data.map((r) => r.id)).toEqual([3, 2]);
  });
});

describe('readSnapshot', () => {
  const calls: string[] = [];
  const source: SnapshotSource = {
    getList: async (resource, params) => {
      calls.push(`${resource} ${JSON.stringify(params.filter)} ${params.pagination.perPage}`);
      if (resource === 'pacts') {
        return {
          data: [
            {
              id: 7,
              reference: 'AUT-1',
              beneficiaryId: 3,
              territoryId: 1,
              socialWorkerId: 20,
              communityMakerId: 21,
              householdId: null,
              beneficiary: { fiscalCode: 'RSSMRA85M01D142X' },
            },
          ],
        };
      }
      if (resource === 'milestones') return { data: [{ id: 5, pactId: 7 }] };
      return { data: [{ id: 9, pactId: 7, authorId: 22, body: 'Nota' }] };
    },
    getMany: async (resource, { ids }) => {
      calls.push(`${resource} ${ids.join(',')}`);
      if (resource === 'community-labs') throw new Error('not reached: no lab');
      if (resource === 'territories') throw new Error('403');
      return {
        data: ids.map((id) => ({
          id,
          firstName: 'Marta',
          lastName: 'Sabbadini',
          fiscalCode: 'RSSMRA85M01D142X',
          fullName: `Persona ${id}`,
          email: 'p@x.it',
          role: 'SOCIAL_WORKER',
        })),
      };
    },
  };

  it("keeps the maker's open pacts, their milestones, 20 notes a pact and the names shown, without a fiscal code", async () => {
    const snapshot = await readSnapshot(source, 21, new Date('2026-12-06T10:42:00Z'));
    expect(calls).toEqual(
      expect.arrayContaining([
        'pacts {"status":["ACTIVE","SUSPENDED"]} 100',
        'milestones {"pactId":[7]} 1000',
        'notes {"pactId":7} 20',
        'users 20,21,22',
        'beneficiaries 3',
      ]),
    );
    expect(calls.some((c) => c.startsWith('community-labs') || c.startsWith('households'))).toBe(
      false,
    );
    expect(snapshot.userId).toBe(21);
    expect(snapshot.syncedAt).toBe('2026-12-06T10:42:00.000Z');
    expect(snapshot.records.beneficiaries).toEqual([
      { id: 3, firstName: 'Marta', lastName: 'Sabbadini' },
    ]);
    expect(snapshot.records.users[0]).toEqual({
      id: 20,
      fullName: 'Persona 20',
      role: 'SOCIAL_WORKER',
    });
    // A refused lookup leaves its names out, not the snapshot.
    expect(snapshot.records.territories).toEqual([]);
    expect(snapshot.records.notes).toHaveLength(1);
    expect(JSON.stringify(snapshot)).not.toMatch(/fiscalCode|RSSMRA|email/);
  });
});
