import type { DataProvider, GetListResult, RaRecord } from 'ra-core';
import { queryRecords, snapshotRecords } from './snapshot';
import type { Snapshot, StoredRecord } from './store';

/** A request that got no answer at all (no network, connection lost): fetch rejects with a TypeError. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

const sameId = (a: unknown, b: unknown) => String(a) === String(b);

/**
 * The data provider with reads answered from the device when the network is not there: a
 * getList, getOne, getMany or getManyReference of a resource the snapshot keeps that fails
 * with a network error (not an HTTP error) is answered from `snapshot()`, as the API would
 * filter, sort and page it. Anything else fails as before. `onAnswer` hears whether each read
 * reached the network, to show the banner.
 */
export function withOfflineReads<P extends DataProvider>(
  provider: P,
  snapshot: () => Promise<Snapshot | undefined>,
  onAnswer: (reachedNetwork: boolean) => void = () => undefined,
): P {
  const answer = async <R>(
    resource: string,
    read: () => Promise<R>,
    fromSnapshot: (records: StoredRecord[]) => R | undefined,
  ): Promise<R> => {
    try {
      const result = await read();
      onAnswer(true);
      return result;
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      onAnswer(false);
      const records = snapshotRecords(await snapshot().catch(() => undefined), resource);
      const result = records ? fromSnapshot(records) : undefined;
      if (result === undefined) throw error;
      return result;
    }
  };
  const list = (records: StoredRecord[], query: Parameters<typeof queryRecords>[1]) =>
    queryRecords(records, query) as unknown as GetListResult<RaRecord>;
  return {
    ...provider,
    getList: (resource, params) =>
      answer(
        resource,
        () => provider.getList(resource, params),
        (records) => list(records, params),
      ),
    getOne: (resource, params) =>
      answer(
        resource,
        () => provider.getOne(resource, params),
        (records) => {
          const found = records.find((r) => sameId(r.id, params.id));
          return found ? { data: found as unknown as RaRecord } : undefined;
        },
      ),
    getMany: (resource, params) =>
      answer(
        resource,
        () => provider.getMany(resource, params),
        (records) => ({
          data: records.filter((r) => params.ids.some((id) => sameId(id, r.id))) as RaRecord[],
        }),
      ),
    getManyReference: (resource, params) =>
      answer(
        resource,
        () => provider.getManyReference(resource, params),
        (records) =>
          list(records, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
      ),
  } as P;
}
