import type { EntityManager, QueryRunner } from 'typeorm';
import {
  CarriedOver,
  carryOver,
  openPactsCarried,
  recordOpenPact,
  recordWrite,
} from './carried-over';

describe('carried over between the transactions of a dry run', () => {
  const inTransaction = () => {
    const updates: unknown[][] = [];
    const tx = {
      queryRunner: {} as QueryRunner,
      update: (...args: unknown[]) => Promise.resolve(void updates.push(args)),
    } as unknown as EntityManager;
    return { tx, updates };
  };
  class Pact {}

  it('counts a created pact from the next transaction on, by type and subject', async () => {
    const carried = new CarriedOver();
    const first = inTransaction().tx;
    await carryOver(first, carried);
    recordOpenPact(first, 'AUTONOMY', 7);
    recordOpenPact(first, 'INCLUSION', null);
    expect(openPactsCarried(first, 'AUTONOMY', 7)).toBe(0);
    await carryOver(first, undefined);
    carried.settle();
    const next = inTransaction().tx;
    await carryOver(next, carried);
    expect(openPactsCarried(next, 'AUTONOMY', 7)).toBe(1);
    expect(openPactsCarried(next, 'INCLUSION', 7)).toBe(0);
    expect(openPactsCarried(next, 'AUTONOMY', 8)).toBe(0);
  });

  it('writes again the recorded changes at the start of each later transaction', async () => {
    const carried = new CarriedOver();
    const first = inTransaction();
    await carryOver(first.tx, carried);
    recordWrite(first.tx, Pact, 3, { beneficiaryId: 9 } as never);
    carried.settle();
    const next = inTransaction();
    await carryOver(next.tx, carried);
    expect(next.updates).toEqual([[Pact, 3, { beneficiaryId: 9 }]]);
  });

  it('forgets what an attempt recorded when the transaction runs again', async () => {
    const carried = new CarriedOver();
    const { tx } = inTransaction();
    await carryOver(tx, carried);
    recordOpenPact(tx, 'AUTONOMY', 7);
    carried.discard();
    carried.settle();
    expect(openPactsCarried(tx, 'AUTONOMY', 7)).toBe(0);
  });

  it('outside a bound transaction nothing is carried or recorded', async () => {
    const carried = new CarriedOver();
    const { tx } = inTransaction();
    recordOpenPact(tx, 'AUTONOMY', 7);
    carried.settle();
    await carryOver(tx, carried);
    expect(openPactsCarried(tx, 'AUTONOMY', 7)).toBe(0);
    await carryOver(tx, undefined);
    expect(openPactsCarried({} as EntityManager, 'AUTONOMY', 7)).toBe(0);
  });
});
