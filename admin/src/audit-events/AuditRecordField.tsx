import type { AuditEvent } from '@generattivi/shared';
import {
  ReferenceField,
  useGetResourceLabel,
  useRecordContext,
  useResourceDefinitions,
  useTranslate,
} from 'react-admin';
import { nameFromChanges } from './changeLabel';

/**
 * The record an event is about, by its name, linked to its page; a record no longer there
 * (deleted) by the name its event kept, marked "(eliminato)"; an event about no one record
 * (a report) by its kind.
 */
export const AuditRecordField = () => {
  const event = useRecordContext<AuditEvent>();
  const definitions = useResourceDefinitions();
  const getResourceLabel = useGetResourceLabel();
  const translate = useTranslate();
  if (!event) return null;
  const kind = getResourceLabel(event.entityType, 1);
  const definition = definitions[event.entityType];
  if (event.entityId === null || !definition) return <span>{kind}</span>;
  const gone = translate('app.audit.deleted_record', {
    name: nameFromChanges(event.changes, definition.recordRepresentation) ?? kind,
  });
  if (event.action === 'delete') return <span>{gone}</span>;
  const link = definition.hasShow ? 'show' : definition.hasEdit ? 'edit' : false;
  return <ReferenceField source="entityId" reference={event.entityType} link={link} empty={gone} />;
};
