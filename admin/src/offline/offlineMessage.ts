import { PROJECT_TIME_ZONE, todayIso } from '@generattivi/shared';
import { formatDay } from '../common/format';

/** `10:42`, in Italian time. */
const italianTime = (instant: string) =>
  new Date(instant).toLocaleTimeString('it-IT', {
    timeZone: PROJECT_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  });

/** The banner's words: the time of the last sync, with its day when it was not today. */
export function offlineMessage(
  syncedAt: string | undefined,
  translate: (key: string, options?: Record<string, unknown>) => string,
  now = new Date(),
): string {
  if (!syncedAt) return translate('app.offline.banner_none');
  const time = italianTime(syncedAt);
  return todayIso(new Date(syncedAt)) === todayIso(now)
    ? translate('app.offline.banner', { time })
    : translate('app.offline.banner_day', { date: formatDay(syncedAt), time });
}
