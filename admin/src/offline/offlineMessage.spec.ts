import { offlineMessage } from './offlineMessage';

const translate = (key: string, options: Record<string, unknown> = {}) =>
  `${key} ${JSON.stringify(options)}`;

describe(offlineMessage.name, () => {
  const now = new Date('2026-12-06T15:00:00Z');

  it('says the time of the last sync in Italian time, today', () => {
    expect(offlineMessage('2026-12-06T09:42:00Z', translate, now)).toBe(
      'app.offline.banner {"time":"10:42"}',
    );
    // Just after midnight in Italy is still today there (23:05 UTC the day before).
    expect(offlineMessage('2026-12-05T23:05:00Z', translate, now)).toBe(
      'app.offline.banner {"time":"00:05"}',
    );
  });

  it('adds the day when the sync was not today, and says when there is none', () => {
    expect(offlineMessage('2026-12-05T22:59:00Z', translate, now)).toBe(
      'app.offline.banner_day {"date":"05/12/2026","time":"23:59"}',
    );
    expect(offlineMessage(undefined, translate, now)).toBe('app.offline.banner_none {}');
  });
});
