import { isIsoDate, PROJECT_TIME_ZONE } from '@generattivi/shared';
import { DateField, useFieldValue, type DateFieldProps } from 'react-admin';

const DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** A calendar date (`YYYY-MM-DD`), shown as written: read as UTC, so no time zone shifts it. */
export const CalendarDateField = (props: DateFieldProps) => (
  <DateField locales="it-IT" options={{ ...DAY, timeZone: 'UTC' }} {...props} />
);

/** An instant (ISO 8601 UTC), shown in Italian time; a plain calendar date is shown as one. */
export const InstantField = (props: DateFieldProps) => {
  const value = useFieldValue(props);
  return isIsoDate(value) ? (
    <CalendarDateField {...props} />
  ) : (
    <DateField
      showTime
      locales="it-IT"
      options={{ ...DAY, hour: '2-digit', minute: '2-digit', timeZone: PROJECT_TIME_ZONE }}
      {...props}
    />
  );
};
