import CheckIcon from '@mui/icons-material/Check';
import { TextField } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  List,
  ReferenceField,
  TextField as RaTextField,
  useDataProvider,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EmptyState } from '../common/EmptyState';
import { InstantField } from '../common/fields';
import { DialogButton, FormDialog } from '../common/FormDialog';
import { ResponsiveTable } from '../common/lists';
import { useFormDialog } from '../common/useFormDialog';
import type { PossibleDuplicate } from '@generattivi/shared';
import type { AppDataProvider } from '../providers/dataProvider';

/** «Risolto»: asks for the note, then `POST /api/beneficiaries/possible-duplicates/:id/resolve`. */
const ResolveButton = () => {
  const translate = useTranslate();
  const report = useRecordContext<PossibleDuplicate>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefresh();
  const dialog = useFormDialog({ note: '' });
  if (!report || report.resolved) return null;

  const submit = async () => {
    const note = dialog.values.note.trim();
    if (!dialog.required({ note })) return;
    await dialog.send(
      () => dataProvider.resolvePossibleDuplicate(report.id, { note }),
      'app.possible_duplicates.done',
    );
    refresh();
  };

  return (
    <>
      <DialogButton dialog={dialog} startIcon={<CheckIcon />}>
        {translate('app.possible_duplicates.resolve')}
      </DialogButton>
      {dialog.open ? (
        <FormDialog
          dialog={dialog}
          title={translate('app.possible_duplicates.title')}
          onSubmit={submit}
          submitLabel={translate('app.possible_duplicates.confirm')}
        >
          <TextField
            required
            label={translate('app.possible_duplicates.note')}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 500 } }}
            {...dialog.field('note')}
          />
        </FormDialog>
      ) : null}
    </>
  );
};

const filters = [<BooleanInput key="resolved" source="resolved" alwaysOn />];

/**
 * «Possibili doppioni» (ADMIN): fiscal codes someone entered while a person out of their scope
 * holds them, the waiting ones newest first: the person (a link to their page), who tried,
 * for which ambito, when; «Risolto» closes one with a note. «Risolti» shows the closed ones
 * with their note.
 */
export const PossibleDuplicateList = () => (
  <List
    empty={<EmptyState />}
    filters={filters}
    filterDefaultValues={{ resolved: false }}
    actions={false}
    exporter={false}
  >
    <ResponsiveTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="at" field={InstantField} />
      <DataTable.Col source="beneficiaryId" disableSort>
        <ReferenceField source="beneficiaryId" reference="beneficiaries" link="show">
          <FullName />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="reportedById" disableSort>
        <ReferenceField source="reportedById" reference="users" link={false}>
          <RaTextField source="fullName" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="territoryId" disableSort>
        <ReferenceField source="territoryId" reference="territories" link={false}>
          <RaTextField source="name" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="resolutionNote" disableSort />
      <DataTable.Col label={false} disableSort>
        <ResolveButton />
      </DataTable.Col>
    </ResponsiveTable>
  </List>
);

const FullName = () => {
  const person = useRecordContext<{ firstName: string; lastName: string }>();
  return person ? (
    <span>
      {person.lastName} {person.firstName}
    </span>
  ) : null;
};
