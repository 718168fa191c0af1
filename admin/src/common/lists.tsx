import { Box, Card, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  Children,
  createElement,
  isValidElement,
  type ComponentType,
  type ReactElement,
  type ReactNode,
} from 'react';
import {
  ChipField,
  DataTable,
  Link,
  List,
  NumberField,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SingleFieldList,
  TextField,
  useCreatePath,
  useGetIdentity,
  useListContext,
  usePermissions,
  useResourceContext,
  useTranslate,
  useTranslateLabel,
  type DataTableProps,
  type RaRecord,
  type SortPayload,
} from 'react-admin';
import { personViewOf, type PersonView, type Role } from '@generattivi/shared';
import { canAccess } from '../providers/canAccess';
import { EmptyState } from './EmptyState';
import { ListActionsWithExport } from './ExportMenu';
import { SavedFilters } from './SavedFilters';

/** The columns' props the cards read (DataTable.Col, NumberCol and the columns below). */
interface ColProps {
  source: string;
  label?: ReactNode;
  children?: ReactNode;
  field?: ComponentType<{ source: string }>;
  reference?: string;
  chip?: string;
  choices?: { id: string; name: string }[];
  locales?: string;
  options?: Intl.NumberFormatOptions;
}

/** What a column shows of the record in context, without the table around it. */
const ColValue = ({ col, link = true }: { col: ReactElement<ColProps>; link?: boolean }) => {
  const { source, children, field, reference, chip, choices, locales, options } = col.props;
  if (col.type === ReferenceCol && reference) {
    return <ReferenceField source={source} reference={reference} link={link ? 'show' : false} />;
  }
  if (col.type === ReferenceChipsCol && reference && chip) {
    return <ReferenceChips source={source} reference={reference} chip={chip} />;
  }
  if (col.type === ChoiceCol && choices) return <SelectField source={source} choices={choices} />;
  if (col.type === DataTable.NumberCol) {
    return <NumberField source={source} locales={locales} options={options} />;
  }
  if (children) return <>{children}</>;
  if (field) return createElement(field, { source });
  return <TextField source={source} />;
};

/**
 * A table's rows as cards, one under the other (on a phone): the first column as the card's
 * title, which opens the record when the table's rows do, then each other column with its
 * label.
 */
const CardRows = ({
  opens,
  empty,
  children,
}: {
  opens: boolean;
  empty?: ReactNode;
  children: ReactNode;
}) => {
  const { data, isPending } = useListContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  if (isPending) return null;
  if (!data?.length) {
    if (empty !== undefined) return <>{empty}</>;
    return <Typography sx={{ p: 2 }}>{translate('ra.navigation.no_results')}</Typography>;
  }
  const cols = Children.toArray(children).filter((child): child is ReactElement<ColProps> =>
    isValidElement(child),
  );
  const [first, ...rest] = cols;
  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', m: 0, p: 1 }} data-cards>
      {data.map((record: RaRecord) => (
        <RecordContextProvider key={record.id} value={record}>
          <Card component="li" variant="outlined">
            {first ? (
              <Box sx={{ px: 2, pt: 1, fontWeight: 600, overflowWrap: 'anywhere' }}>
                {opens ? (
                  <Link
                    to={createPath({ resource, id: record.id, type: 'show' })}
                    sx={{ display: 'flex', minHeight: 48, alignItems: 'center' }}
                  >
                    <ColValue col={first} link={false} />
                  </Link>
                ) : (
                  <ColValue col={first} />
                )}
              </Box>
            ) : null}
            <Box component="dl" sx={{ m: 0, px: 2, pb: 1.5 }}>
              {rest.map((col, i) => (
                <Box key={col.props.source ?? i} sx={{ mt: 1, overflowWrap: 'anywhere' }}>
                  <Typography component="dt" variant="caption" color="text.secondary">
                    {translateLabel({ label: col.props.label, source: col.props.source, resource })}
                  </Typography>
                  <Box component="dd" sx={{ m: 0 }}>
                    <ColValue col={col} />
                  </Box>
                </Box>
              ))}
            </Box>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/**
 * A table of records that becomes cards below 600 px (a phone): the same columns, one card per
 * row, nothing wider than the screen; `empty` is what both say when there is no row.
 */
export const ResponsiveTable = ({
  rowClick = 'show',
  children,
  ...table
}: Omit<DataTableProps, 'rowClick'> & { rowClick?: 'show' | false }) => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const resource = useResourceContext();
  const { identity } = useGetIdentity();
  // Only the rows the caller may delete are selected for a bulk delete (a social worker's
  // templates, not the common ones).
  const deletable = (record: RaRecord) =>
    canAccess(identity?.role, resource ?? '', 'delete', record, identity?.territoryIds);
  // No selection where nothing may be deleted (the accounts, for everyone).
  const selects = canAccess(identity?.role, resource ?? '', 'delete');
  if (phone) {
    return (
      <CardRows opens={rowClick === 'show'} empty={table.empty}>
        {children}
      </CardRows>
    );
  }
  return (
    <DataTable
      rowClick={rowClick}
      isRowSelectable={deletable}
      {...(selects ? {} : { bulkActionButtons: false })}
      {...table}
    >
      {children}
    </DataTable>
  );
};

/**
 * A resource's list: its filters, its first order, what it says when empty, Esporta where
 * the role may export it; a row opens the record.
 */
export const ResourceList = ({
  filters,
  sort,
  children,
}: {
  filters: ReactElement[];
  sort: SortPayload;
  children: ReactNode;
}) => (
  <List
    empty={<EmptyState />}
    filters={filters}
    sort={sort}
    actions={<ListToolbar />}
    exporter={false}
  >
    <ResponsiveTable>{children}</ResponsiveTable>
  </List>
);

/** A list's toolbar: its saved filters beside its actions (filters, "Crea", "Esporta"). */
export const ListToolbar = () => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
    <SavedFilters />
    <ListActionsWithExport />
  </Stack>
);

/** The filters most lists start with. */
export const searchFilter = <SearchInput key="q" source="q" alwaysOn />;

/**
 * How the signed-in role reads people (shared `personViewOf`); until the role is known, as the
 * role that reads least. A manager reads initials, so searches no list of people by name.
 */
export function usePersonView(): PersonView {
  const { permissions: role } = usePermissions<Role | undefined>();
  return personViewOf(role ?? 'MANAGER');
}
export const territoryFilter = (
  <ReferenceInput key="territoryId" source="territoryId" reference="territories" />
);
export const pactFilter = (
  <ReferenceInput key="pactId" source="pactId" reference="pacts" alwaysOn />
);

/** A column naming the record another one points to (its territory, its pact, its author). */
export const ReferenceCol = ({ source, reference }: { source: string; reference: string }) => (
  <DataTable.Col source={source}>
    <ReferenceField source={source} reference={reference} />
  </DataTable.Col>
);

interface ChipsProps {
  source: string;
  reference: string;
  /** The field of the referenced record on the chip. */
  chip: string;
}

/**
 * The records an array of ids points to, as chips that open nothing (ReferenceArrayField
 * renders a list only through a list child such as SingleFieldList).
 */
export const ReferenceChips = ({ source, reference, chip }: ChipsProps) => (
  <ReferenceArrayField source={source} reference={reference}>
    <SingleFieldList linkType={false}>
      <ChipField source={chip} size="small" />
    </SingleFieldList>
  </ReferenceArrayField>
);

/** A column naming the records an array of ids points to, as chips. */
export const ReferenceChipsCol = (props: ChipsProps) => (
  <DataTable.Col source={props.source} disableSort>
    <ReferenceChips {...props} />
  </DataTable.Col>
);

/** A column showing a code in words, from its choices. */
export const ChoiceCol = ({
  source,
  choices,
}: {
  source: string;
  choices: { id: string; name: string }[];
}) => (
  <DataTable.Col source={source}>
    <SelectField source={source} choices={choices} />
  </DataTable.Col>
);
