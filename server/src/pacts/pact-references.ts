import type { PactType, TerritoryCode } from '@generattivi/shared';
import { EntityManager } from 'typeorm';
import { PactReferenceCounter } from './pact-reference-counter.entity';

const PREFIX: Record<PactType, string> = { AUTONOMY: 'AUT', INCLUSION: 'INC' };

/** `AUT-CREMA-2026`: one gapless series per type, territory and year. */
export function referenceSeries(type: PactType, territory: TerritoryCode, year: number): string {
  return `${PREFIX[type]}-${territory}-${year}`;
}

export function formatReference(series: string, n: number): string {
  return `${series}-${String(n).padStart(4, '0')}`;
}

/**
 * Takes the next number of a series inside the caller's transaction. The counter row is
 * created if missing and incremented with one UPDATE, which PostgreSQL row-locks until the
 * transaction ends (SQLite runs one write transaction at a time): no gaps, no duplicates.
 */
export async function nextReference(tx: EntityManager, series: string): Promise<string> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(PactReferenceCounter)
    .values({ series, lastValue: 0 })
    .orIgnore()
    .execute();
  await tx
    .createQueryBuilder()
    .update(PactReferenceCounter)
    .set({ lastValue: () => 'last_value + 1' })
    .where('series = :series', { series })
    .execute();
  const row = await tx.findOneByOrFail(PactReferenceCounter, { series });
  return formatReference(series, row.lastValue);
}
