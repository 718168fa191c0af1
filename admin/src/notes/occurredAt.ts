import { noteTimeProblem } from '@generattivi/shared';
import { formatInstant } from '../common/format';

/** A time as a `datetime-local` input holds it, in the browser's time zone: `2026-11-25T13:30`. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/** Why a note's "when it happened" is refused, as the server's field error would say it. */
export type OccurredAtRefusal =
  | { code: 'NOT_FUTURE'; params: Record<string, never> }
  | { code: 'NOT_BEFORE'; params: { date: string } };

/**
 * A note happened neither in the future nor before its pact was created (shared's
 * `noteTimeProblem`: the minute the pact was created in is allowed). Nothing to say of an empty or
 * unreadable value: `required` and the input speak for those.
 */
export function occurredAtRefusal(
  value: unknown,
  pactCreatedAt: string | null | undefined,
  now: Date = new Date(),
): OccurredAtRefusal | null {
  if (value === null || value === undefined || value === '') return null;
  const at = new Date(value as string | Date).getTime();
  if (Number.isNaN(at)) return null;
  const created = pactCreatedAt ? Date.parse(pactCreatedAt) : NaN;
  const problem = noteTimeProblem(at, Number.isNaN(created) ? -Infinity : created, now.getTime());
  if (problem === 'NOT_FUTURE') return { code: 'NOT_FUTURE', params: {} };
  if (problem === 'NOT_BEFORE' && pactCreatedAt)
    return { code: 'NOT_BEFORE', params: { date: formatInstant(pactCreatedAt) } };
  return null;
}
