/**
 * The columns that free-text search (`q`) reaches through an index, per table: the big
 * tables. Both engines' SearchIndexes migrations are written from this list; the list specs
 * name the same columns (`search`) and mark the table as indexed (`searchIndex`).
 */
export const SEARCH_INDEXED: Readonly<Record<string, readonly string[]>> = {
  notes: ['body'],
  pacts: ['reference', 'title'],
  milestones: ['title', 'description'],
  beneficiaries: ['first_name', 'last_name', 'fiscal_code'],
  households: ['name'],
};

/** SQLite: the FTS5 table that indexes `table` (external content, kept by triggers). */
export const searchTable = (table: string): string => `${table}_search`;
