import type { ReactElement, ReactNode } from 'react';
import {
  ChipField,
  DataTable,
  List,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  type SortPayload,
} from 'react-admin';
import { EmptyState } from './EmptyState';

/**
 * A resource's list: its filters, its first order, what it says when empty; a row opens
 * the record.
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
  <List empty={<EmptyState />} filters={filters} sort={sort}>
    <DataTable rowClick="show">{children}</DataTable>
  </List>
);

/** The filters most lists start with. */
export const searchFilter = <SearchInput key="q" source="q" alwaysOn />;
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

/** A column naming the records an array of ids points to, as chips. */
export const ReferenceChipsCol = ({
  source,
  reference,
  chip,
}: {
  source: string;
  reference: string;
  /** The field of the referenced record on the chip. */
  chip: string;
}) => (
  <DataTable.Col source={source} disableSort>
    <ReferenceArrayField source={source} reference={reference}>
      <ChipField source={chip} size="small" />
    </ReferenceArrayField>
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
