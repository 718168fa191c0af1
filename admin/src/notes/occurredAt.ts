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
 * A note happened neither in the future nor before its pact was created (the input has whole
 * minutes: the minute the pact was created is allowed). Nothing to say of an empty or
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
  if (at > now.getTime()) return { code: 'NOT_FUTURE', params: {} };
  if (pactCreatedAt) {
    const created = new Date(pactCreatedAt).getTime();
    const createdMinute = created - (created % 60_000);
    if (!Number.isNaN(created) && at < createdMinute) {
      return { code: 'NOT_BEFORE', params: { date: formatInstant(pactCreatedAt) } };
    }
  }
  return null;
}
