import type { AuditEvent } from '@generattivi/shared';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { changeFieldLabel } from './changeLabel';
import { describeChangeValue } from './changeValue';

/** An audit event's `{field: [before, after]}` as a small before → after table. */
export const ChangesField = () => {
  const event = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const rows = Object.entries(event?.changes ?? {});
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
            <TableCell>{describeChangeValue(event.entityType, field, before, translate)}</TableCell>
            <TableCell>{describeChangeValue(event.entityType, field, after, translate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
