export {
  allowsRange,
  assertValidSpec,
  DEFAULT_MAX_PAGE,
  DEFAULT_PAGE_SIZE,
  defineListSpec,
  fieldOf,
  isFilterable,
  isSortable,
  ListQueryError,
  maxPageOf,
  parseListQuery,
} from './list-query';
export type {
  FieldType,
  FilterCondition,
  FilterValue,
  ListField,
  ListQuery,
  ListSpec,
  RawListParams,
  SearchVia,
  SortOrder,
} from './list-query';
export {
  applyListFilter,
  applyListQuery,
  contentRange,
  escapeLike,
  findList,
  listIds,
  rowsInBatches,
} from './apply-list-query';
export type { ListResult } from './apply-list-query';
export { refuseMaskedFilters, takeFilters } from './take-filter';
