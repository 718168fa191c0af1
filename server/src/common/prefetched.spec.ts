import type { EntityManager, QueryRunner } from 'typeorm';
import {
  clearPrefetched,
  forgetPrefetched,
  recallPrefetched,
  rememberPrefetched,
} from './prefetched';

describe('prefetched reads', () => {
  const inTransaction = () => ({ queryRunner: {} as QueryRunner }) as EntityManager;

  it('recalls what was remembered in the same transaction, absent records (null) included', () => {
    const tx = inTransaction();
    rememberPrefetched(tx, 'people', [
      ['A', { id: 1 }],
      ['B', null],
    ]);
    expect(recallPrefetched(tx, 'people', 'A')).toEqual({ value: { id: 1 } });
    expect(recallPrefetched(tx, 'people', 'B')).toEqual({ value: null });
    // Not asked for: unknown, the caller reads the database.
    expect(recallPrefetched(tx, 'people', 'C')).toBeUndefined();
    expect(recallPrefetched(tx, 'households', 'A')).toBeUndefined();
    expect(recallPrefetched(inTransaction(), 'people', 'A')).toBeUndefined();
  });

  it('forgets one answer that changed, or all of them', () => {
    const tx = inTransaction();
    rememberPrefetched(tx, 'people', [
      ['A', null],
      ['B', null],
    ]);
    forgetPrefetched(tx, 'people', 'A');
    expect(recallPrefetched(tx, 'people', 'A')).toBeUndefined();
    expect(recallPrefetched(tx, 'people', 'B')).toEqual({ value: null });
    clearPrefetched(tx);
    expect(recallPrefetched(tx, 'people', 'B')).toBeUndefined();
  });

  it('outside a transaction nothing is remembered', () => {
    const manager = {} as EntityManager;
    rememberPrefetched(manager, 'people', [['A', null]]);
    expect(recallPrefetched(manager, 'people', 'A')).toBeUndefined();
  });
});
