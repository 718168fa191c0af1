type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Keys the server writes into an audit event's changes beside a record's own fields (a
 * transition's reason and decision on open milestones, an export's file, a new password, an
 * unknown login address, a possible duplicate of the person resolved): worded under
 * app.audit.fields.
 */
export const AUDIT_EXTRA_FIELDS = [
  'reason',
  'openMilestones',
  'passwordChanged',
  'emailPseudonym',
  'report',
  'filters',
  'document',
  'fingerprint',
  'possibleDuplicateId',
  'resolvedAt',
  'resolutionNote',
] as const;

/** `openMilestones` → `open milestones`: a key nobody worded yet, at least not glued together. */
export function humaniseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * The label of a changed field: the record's own field label, else the trail's words for the
 * server's extra keys, else the key in words.
 */
export function changeFieldLabel(entityType: string, field: string, translate: Translate): string {
  return translate(`resources.${entityType}.fields.${field}`, {
    _: translate(`app.audit.fields.${field}`, { _: humaniseKey(field) }),
  });
}

type Representation = unknown;

/**
 * The name of a record known only from an event's payload (a deleted record: its values
 * before), by the resource's record representation (a function or a field name); null when
 * the payload does not hold it.
 */
export function nameFromChanges(
  changes: Record<string, [unknown, unknown]>,
  representation: Representation,
): string | null {
  const values = Object.fromEntries(
    Object.entries(changes).map(([key, [before, after]]) => [key, before ?? after]),
  );
  if (typeof representation === 'string') {
    const value = values[representation];
    return value === null || value === undefined || value === '' ? null : String(value);
  }
  if (typeof representation !== 'function') return null;
  try {
    const name = (representation as (record: Record<string, unknown>) => unknown)(values);
    return typeof name === 'string' && name.trim() && !/undefined|null/.test(name)
      ? name.trim()
      : null;
  } catch {
    return null;
  }
}
