import type { Pact } from '@generattivi/shared';
import { useGetList, useGetMany, useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import type { PactAlert } from '../providers/reports';
import { HomeCard } from './HomeCard';
import { PactRows, SHOWN } from './PactListWidget';

/**
 * Active pacts whose diary is quiet, longest silence first: the server's NO_RECENT_NOTE
 * alerts, so the list and its count mean exactly what the alerts and the caseload report
 * mean (ACTIVE only — a suspended pact's clock is paused — no note, or none since approval,
 * for 30 days).
 */
export const StalePactsWidget = () => {
  const translate = useTranslate();
  const alerts = useGetList<PactAlert>(
    'alerts',
    {
      filter: { kind: 'NO_RECENT_NOTE' },
      sort: { field: 'since', order: 'ASC' },
      pagination: { page: 1, perPage: SHOWN },
    },
    { retry: false },
  );
  const ids = (alerts.data ?? []).map((a) => a.pactId);
  const pacts = useGetMany<Pact>('pacts', { ids }, { enabled: ids.length > 0 });
  const rows = ids
    .map((id) => pacts.data?.find((p) => p.id === id))
    .filter((p): p is Pact => p !== undefined);
  return (
    <HomeCard
      title={translate('app.dashboard.stale_title')}
      count={alerts.error ? undefined : alerts.total}
      loading={alerts.isPending || (ids.length > 0 && pacts.isPending)}
      error={alerts.error ?? pacts.error}
      empty={ids.length === 0 && translate('app.dashboard.stale_none')}
    >
      <PactRows
        pacts={rows}
        total={alerts.total}
        detail={(pact) => {
          const lastNoteAt = pact.lastNoteAt;
          return lastNoteAt
            ? translate('app.dashboard.last_note', { date: formatInstant(lastNoteAt) })
            : translate('app.dashboard.never_noted');
        }}
      />
    </HomeCard>
  );
};
