/** The current instant as ISO 8601 UTC text, the form every instant is kept in. */
export const nowIso = (): string => new Date().toISOString();
