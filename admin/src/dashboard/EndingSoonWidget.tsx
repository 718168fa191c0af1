import { daysBetween, todayIso } from '@generattivi/shared';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { endingSoonFilterDate } from './pactSignals';
import { PactListWidget } from './PactListWidget';

/** Running pacts whose planned end is within 30 days (or already past), soonest first. */
export const EndingSoonWidget = () => {
  const translate = useTranslate();
  const today = todayIso();
  return (
    <PactListWidget
      title={translate('app.dashboard.ending_title')}
      empty={translate('app.dashboard.ending_none')}
      filter={{ status: ['ACTIVE', 'SUSPENDED'], plannedEndDate_lte: endingSoonFilterDate(today) }}
      sort={{ field: 'plannedEndDate', order: 'ASC' }}
      detail={(pact) => {
        const days = pact.plannedEndDate ? daysBetween(today, pact.plannedEndDate) : 0;
        return days < 0
          ? translate('app.dashboard.ended_on', { date: formatDate(pact.plannedEndDate) })
          : translate('app.dashboard.ends_in', {
              date: formatDate(pact.plannedEndDate),
              smart_count: days,
            });
      }}
    />
  );
};
