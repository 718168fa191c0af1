import type { Snapshot, SnapshotResource, StoredRecord } from './store';

/** The pacts kept on the device: those a community maker works on, as their home lists them. */
export const SNAPSHOT_PACT_STATUSES = ['ACTIVE', 'SUSPENDED'];
/** The latest notes of each pact kept on the device. */
export const SNAPSHOT_NOTES_PER_PACT = 20;
/** The least time between two syncs of the snapshot. */
export const SNAPSHOT_MAX_AGE_MS = 3 * 60 * 1000;

/** Fields of a person the device never keeps, at any depth (fiscal codes, contacts). */
const PERSONAL = /^(fiscalcode|fiscalcodes|email|phone|address)$/i;

/**
 * A copy of `value` without the personal fields the pages do not show: never a fiscal code,
 * at any depth, nor an email, phone or address.
 */
export function stripPersonal<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripPersonal(v as unknown)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PERSONAL.test(key))
      .map(([key, v]) => [key, stripPersonal(v)]),
  ) as T;
}

/**
 * The records the pact page names, by the fields of pacts (and notes) that point to them,
 * and the only fields kept of each: what the page shows, nothing more.
 */
const NAMED: Array<{ resource: SnapshotResource; sources: string[]; keep: string[] }> = [
  {
    resource: 'users',
    sources: ['socialWorkerId', 'communityMakerId', 'authorId'],
    keep: ['fullName', 'role'],
  },
  { resource: 'territories', sources: ['territoryId'], keep: ['name', 'code'] },
  { resource: 'beneficiaries', sources: ['beneficiaryId'], keep: ['firstName', 'lastName'] },
  { resource: 'households', sources: ['householdId'], keep: ['name'] },
  { resource: 'community-labs', sources: ['communityLabId'], keep: ['name'] },
];

/** What the snapshot reads through: react-admin's getList and getMany on the network. */
export interface SnapshotSource {
  getList(
    resource: string,
    params: {
      filter: Record<string, unknown>;
      sort: { field: string; order: 'ASC' | 'DESC' };
      pagination: { page: number; perPage: number };
    },
  ): Promise<{ data: StoredRecord[] }>;
  getMany(resource: string, params: { ids: number[] }): Promise<{ data: StoredRecord[] }>;
}

/**
 * Reads a community maker's snapshot from the API (their scope is the server's): the open
 * pacts they follow, those pacts' milestones, each pact's latest notes, the notes' authors'
 * names; every record stripped of personal fields.
 */
export async function readSnapshot(
  source: SnapshotSource,
  userId: number,
  now = new Date(),
): Promise<Snapshot> {
  const { data: pacts } = await source.getList('pacts', {
    filter: { status: SNAPSHOT_PACT_STATUSES },
    sort: { field: 'plannedEndDate', order: 'ASC' },
    pagination: { page: 1, perPage: 100 },
  });
  const ids = pacts.map((p) => p.id);
  const milestones = ids.length
    ? (
        await source.getList('milestones', {
          filter: { pactId: ids },
          sort: { field: 'dueDate', order: 'ASC' },
          pagination: { page: 1, perPage: 1000 },
        })
      ).data
    : [];
  const notes = (
    await Promise.all(
      ids.map((pactId) =>
        source.getList('notes', {
          filter: { pactId },
          sort: { field: 'occurredAt', order: 'DESC' },
          pagination: { page: 1, perPage: SNAPSHOT_NOTES_PER_PACT },
        }),
      ),
    )
  ).flatMap((r) => r.data);
  const named = await Promise.all(
    NAMED.map(async ({ resource, sources, keep }) => {
      const ids = [
        ...new Set(
          [...pacts, ...notes]
            .flatMap((r) => sources.map((s) => r[s]))
            .filter((id): id is number => typeof id === 'number'),
        ),
      ];
      // A name the maker may not read is shown as missing, the rest is kept all the same.
      const found = ids.length
        ? await source.getMany(resource, { ids }).then(
            (r) => r.data,
            () => [],
          )
        : [];
      return [
        resource,
        found.map((r) => ({ id: r.id, ...Object.fromEntries(keep.map((k) => [k, r[k]])) })),
      ] as const;
    }),
  );
  return {
    userId,
    syncedAt: now.toISOString(),
    records: stripPersonal({
      ...Object.fromEntries(named),
      pacts,
      milestones,
      notes,
    } as Snapshot['records']),
  };
}

/** The parameters of a list read, as react-admin gives them. */
export interface ListQuery {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: string };
  pagination?: { page: number; perPage: number } | false;
}

const same = (a: unknown, b: unknown) => String(a) === String(b);

/** Whether a record passes a filter: a list is any of its values, `q` (search) is ignored. */
function matches(record: StoredRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (key === 'q' || wanted === undefined) return true;
    const value = record[key];
    return Array.isArray(wanted) ? wanted.some((w) => same(w, value)) : same(wanted, value);
  });
}

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a).localeCompare(String(b));
};

/** A list read answered from the snapshot: filtered, sorted and paged as the API would. */
export function queryRecords(
  records: StoredRecord[],
  { filter = {}, sort, pagination }: ListQuery,
): { data: StoredRecord[]; total: number } {
  const found = records.filter((r) => matches(r, filter));
  if (sort?.field) {
    const sign = sort.order === 'DESC' ? -1 : 1;
    found.sort((a, b) => sign * compare(a[sort.field], b[sort.field]) || compare(a.id, b.id));
  }
  if (!pagination) return { data: found, total: found.length };
  const start = (pagination.page - 1) * pagination.perPage;
  return { data: found.slice(start, start + pagination.perPage), total: found.length };
}

/** The records of a resource kept in the snapshot, or undefined for a resource it does not keep. */
export function snapshotRecords(
  snapshot: Snapshot | undefined,
  resource: string,
): StoredRecord[] | undefined {
  if (!snapshot || !(resource in snapshot.records)) return undefined;
  return snapshot.records[resource as SnapshotResource];
}
