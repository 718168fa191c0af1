import type { AuditEntityType } from '@generattivi/shared';
import { defineListSpec, type ListField, type ListSpec } from '../common/list-query';

/** The list of a kind of venue (Civic Centers, laboratories), named as its audit entries name it. */
export type VenueList<F extends string = string> = ListSpec<F> & { resource: AuditEntityType };

/** The list of a kind of venue: searched by name and description, sorted by name. */
export function venueList<F extends string>(
  resource: AuditEntityType,
  alias: string,
  fields: Readonly<Record<F | 'name', ListField>>,
): VenueList<F | 'name'> {
  const spec = defineListSpec<F | 'name'>({
    resource,
    alias,
    fields,
    search: ['name', 'description'],
    defaultSort: ['name', 'ASC'],
  });
  return { ...spec, resource };
}
