import type { FieldType, ListField } from './list-query';

/** The names declared by a `columns` line: `'id:int title:string'` → `'id' | 'title'`. */
export type ColumnNames<S extends string> = S extends `${infer Name}:${string} ${infer Rest}`
  ? Name | ColumnNames<Rest>
  : S extends `${infer Name}:${string}`
    ? Name
    : never;

/** The names declared by one line or by several (a long declaration). */
type Names<L extends string | readonly string[]> = ColumnNames<
  L extends readonly string[] ? L[number] : L
>;

/**
 * The fields of a list spec whose columns are the entity properties of the same name, in
 * one line (or several): `columns('id:int status:enum createdAt:instant', { status: { values: STATUSES } })`.
 * Each `name:type` in order (the order error messages list them in); `more` adds to a
 * field what its type alone does not say (enum values, `jsonArray`, `filter: false`…).
 */
export function columns<const L extends string | readonly string[]>(
  lines: L,
  more: { [N in Names<L>]?: Partial<Omit<ListField, 'column' | 'type'>> } = {},
): Record<Names<L>, ListField> {
  const extra: Partial<Record<string, Partial<ListField>>> = more;
  return Object.fromEntries(
    [lines]
      .flat()
      .join(' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => {
        const [name, type] = word.split(':');
        return [name, { column: name, type: type as FieldType, ...extra[name] }];
      }),
  ) as Record<Names<L>, ListField>;
}
