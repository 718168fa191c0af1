import { todayIso, type Pact } from '@generattivi/shared';
import { useGetList, useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import { HomeCard } from './HomeCard';
import { staleNoteFilterDate } from './pactSignals';
import { PactRows, SHOWN } from './PactListWidget';

type NotedPact = Pact & { lastNoteAt?: string | null };
const RUNNING = ['ACTIVE', 'SUSPENDED'];

/**
 * Running pacts whose diary is quiet: never a note (`lastNoteAt` null), then no note for
 * more than 30 days, longest silence first. Two server queries, two server counts.
 */
export const StalePactsWidget = () => {
  const translate = useTranslate();
  const never = useGetList<Pact>('pacts', {
    filter: { status: RUNNING, lastNoteAt: null },
    sort: { field: 'startDate', order: 'ASC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const quiet = useGetList<Pact>('pacts', {
    filter: { status: RUNNING, lastNoteAt_lte: staleNoteFilterDate(todayIso()) },
    sort: { field: 'lastNoteAt', order: 'ASC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  const pacts = [...(never.data ?? []), ...(quiet.data ?? [])].slice(0, SHOWN);
  const total =
    never.total !== undefined && quiet.total !== undefined ? never.total + quiet.total : undefined;
  return (
    <HomeCard
      title={translate('app.dashboard.stale_title')}
      count={total}
      loading={never.isPending || quiet.isPending}
      error={never.error ?? quiet.error}
      empty={pacts.length === 0 && translate('app.dashboard.stale_none')}
    >
      <PactRows
        pacts={pacts}
        total={total}
        detail={(pact) => {
          const lastNoteAt = (pact as NotedPact).lastNoteAt;
          return lastNoteAt
            ? translate('app.dashboard.last_note', { date: formatInstant(lastNoteAt) })
            : translate('app.dashboard.never_noted');
        }}
      />
    </HomeCard>
  );
};
