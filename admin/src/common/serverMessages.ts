type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The API words its field messages in English (`"municipality: is not a municipality of
 * Crema"`, class-validator's `"must be a string"`). Each rule finds one known wording and puts
 * it in the user's language through `app.server.<key>`; the English catalogue repeats the
 * server's words, and a message no rule knows is shown as the server wrote it.
 */
const RULES: Array<{ pattern: RegExp; key: (m: string[]) => string; names?: string[] }> = [
  { pattern: /unknown field/g, key: () => 'unknown_field' },
  { pattern: /should not be empty/g, key: () => 'required' },
  { pattern: /must not be blank/g, key: () => 'not_blank' },
  { pattern: /must be a string/g, key: () => 'string' },
  { pattern: /must be an integer number/g, key: () => 'integer' },
  { pattern: /must be a boolean value/g, key: () => 'boolean' },
  { pattern: /must be an array/g, key: () => 'array' },
  { pattern: /must be a positive whole number/g, key: () => 'positive_integer' },
  { pattern: /must not be less than (-?[\d.]+)/g, key: () => 'min', names: ['min'] },
  { pattern: /must not be greater than (-?[\d.]+)/g, key: () => 'max', names: ['max'] },
  {
    pattern: /must be shorter than or equal to (\d+) characters/g,
    key: () => 'max_length',
    names: ['max'],
  },
  {
    pattern: /must be longer than or equal to (\d+) characters/g,
    key: () => 'min_length',
    names: ['min'],
  },
  {
    pattern: /must contain no more than (\d+) elements/g,
    key: () => 'max_items',
    names: ['max'],
  },
  { pattern: /must contain at least (\d+) elements/g, key: () => 'min_items', names: ['min'] },
  {
    pattern: /must be one of the following values: (\w+(?:, \w+)*)/g,
    key: () => 'one_of',
    names: ['values'],
  },
  { pattern: /must be a valid email address/g, key: () => 'email' },
  { pattern: /must be a date YYYY-MM-DD/g, key: () => 'date' },
  { pattern: /must be an ISO 8601 instant such as \S+/g, key: () => 'instant' },
  { pattern: /must not be before (\d{4}-\d{2}-\d{2})/g, key: () => 'not_before', names: ['date'] },
  { pattern: /(?:must not|cannot) be in the future/g, key: () => 'not_future' },
  { pattern: /must be after the start date/g, key: () => 'after_start' },
  {
    pattern: /must be a number of euros, 0 or more, with at most 2 decimals \(null when unknown\)/g,
    key: () => 'euros',
  },
  {
    pattern: /must be a phone number: digits, spaces and \+ \. \/ \( \) -/g,
    key: () => 'phone',
  },
  {
    pattern: /the database is busy with other changes: nothing was saved; try again in a moment/g,
    key: () => 'database_busy',
  },
  {
    pattern: /the (beneficiary|household) already has an open (?:AUTONOMY|INCLUSION) pact/g,
    key: (m) => `open_pact_${m[1]}`,
  },
  {
    pattern: /the pact is closed: its milestones and assignments are read-only/g,
    key: () => 'pact_closed_children',
  },
  {
    pattern:
      /is too easy to guess \(a common password, a word list entry or a simple pattern\): choose a passphrase of several unrelated words/g,
    key: () => 'weak_password',
  },
  { pattern: /is read-only: it cannot be set on create/g, key: () => 'read_only_create' },
  { pattern: /is read-only/g, key: () => 'read_only' },
  {
    pattern: /is required for an (AUTONOMY|INCLUSION) pact/g,
    key: (m) => `required_for_${m[1].toLowerCase()}`,
  },
  {
    pattern: /is required when the household is assessed as vulnerable/g,
    key: () => 'required_when_vulnerable',
  },
  {
    pattern: /is not a municipality of (.+?)(?=$|[,;] )/g,
    key: () => 'not_municipality',
    names: ['territory'],
  },
  { pattern: /names a territory that does not exist/g, key: () => 'unknown_territory' },
  {
    pattern: /\bno (territory|beneficiary|household|pact) (\d+)/g,
    key: (m) => `no_${m[1]}`,
    names: ['', 'id'],
  },
  {
    pattern: /only an ACHIEVED milestone has an achievement date/g,
    key: () => 'achieved_date',
  },
  {
    pattern: /must be an active community maker working in the pact territory/g,
    key: () => 'maker_of_territory',
  },
  {
    pattern: /must be an active social worker of the pact territory/g,
    key: () => 'social_worker_of_territory',
  },
  {
    pattern: /must be a community laboratory of the pact territory/g,
    key: () => 'lab_of_territory',
  },
  {
    pattern:
      /milestones still PENDING: (\d+) \((.*?)\); say in openMilestones whether they become MISSED, CANCELLED/g,
    key: () => 'open_milestones_pending',
    names: ['count', 'titles'],
  },
  {
    pattern:
      /q needs a word of at least (\d+) characters \(shorter words are ignored: no index can serve them\)/g,
    key: () => 'search_short',
    names: ['min'],
  },
  {
    pattern:
      /The server is busy with other expensive requests \(reports, searches, verification\); retry in (\d+) s/g,
    key: () => 'busy',
    names: ['seconds'],
  },
];

/** A server message in the user's language, where its wording is known. */
export function localizeServerMessage(message: string, translate: Translate): string {
  let out = message;
  for (const { pattern, key, names = [] } of RULES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      const groups = args.slice(0, -2).map(String);
      const options = Object.fromEntries(
        names.map((name, i) => [name, groups[i + 1]]).filter(([name]) => name),
      );
      return translate(`app.server.${key(groups)}`, options);
    });
  }
  return out;
}

/** Every field message of a 400 or 422 body, localized. */
export function localizeFieldErrors(
  errors: Record<string, string>,
  translate: Translate,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      field,
      localizeServerMessage(message, translate),
    ]),
  );
}
