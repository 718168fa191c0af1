import type { AuditEvent } from '@generattivi/shared';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Fragment } from 'react';
import {
  RecordContextProvider,
  ReferenceField,
  useGetResourceLabel,
  useRecordContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { changeFieldLabel } from './changeLabel';
import { changeReference, describeChangeValue } from './changeValue';

/** Bookkeeping the event's own record column already says. */
const HIDDEN = new Set(['id']);

/** One id of a changed field by the name of its record; a record no longer there says so. */
const ReferenceName = ({ id, reference }: { id: unknown; reference: string }) => {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  return (
    <RecordContextProvider value={{ id: 0, ref: id }}>
      <ReferenceField
        source="ref"
        reference={reference}
        link={false}
        empty={translate('app.audit.deleted_record', { name: getResourceLabel(reference, 1) })}
      />
    </RecordContextProvider>
  );
};

/** A before or after value as people read it: names for ids, words for codes. */
const ChangeValue = ({
  entityType,
  field,
  value,
}: {
  entityType: string;
  field: string;
  value: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const reference = changeReference(field);
  const ids = Array.isArray(value) ? value : [value];
  if (!reference || value === null || value === undefined || ids.length === 0)
    return (
      <>{describeChangeValue(entityType, field, value, translate, locale === 'en' ? 'en' : 'it')}</>
    );
  return (
    <>
      {ids.map((id, i) => (
        <Fragment key={String(id)}>
          {i > 0 ? ', ' : null}
          <ReferenceName id={id} reference={reference} />
        </Fragment>
      ))}
    </>
  );
};

/** An audit event's `{field: [before, after]}` as a small before → after table. */
export const ChangesField = () => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const rows = Object.entries(event?.changes ?? {}).filter(([field]) => !HIDDEN.has(field));
  if (!event || rows.length === 0) return null;
  return (
    <Table size="small" aria-label={translate('resources.audit-events.fields.changes')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.audit.field')}</TableCell>
          <TableCell>{translate('app.audit.before')}</TableCell>
          <TableCell>{translate('app.audit.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([field, [before, after]]) => (
          <TableRow key={field}>
            <TableCell component="th" scope="row">
              {changeFieldLabel(event.entityType, field, translate)}
            </TableCell>
            <TableCell>
              <ChangeValue entityType={event.entityType} field={field} value={before} />
            </TableCell>
            <TableCell>
              <ChangeValue entityType={event.entityType} field={field} value={after} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
