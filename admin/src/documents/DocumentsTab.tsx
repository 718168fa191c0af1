import {
  DOCUMENT_KINDS,
  type DocumentOwnerType,
  type DocumentRecord,
  type Role,
} from '@generattivi/shared';
import { Box, Typography } from '@mui/material';
import {
  DataTable,
  FunctionField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { ChoiceCol, ResponsiveTable } from '../common/lists';
import { DocumentActions } from './DocumentActions';
import { uploadableKinds } from './documentRules';
import { formatBytes, formatDay } from '../common/format';
import { UploadDocumentButton } from './UploadDocumentButton';

const kindChoices = enumChoices(DOCUMENT_KINDS, 'documentKind');

/**
 * The documents attached to the record in context (a pact, a beneficiary, a household),
 * newest first: kind, file name, size, who uploaded it and when, and the buttons the caller
 * may use; "Carica documento" above, for who may add one.
 */
export const DocumentsTab = ({
  ownerType,
  ownerName,
}: {
  ownerType: DocumentOwnerType;
  /** How the record is named in the upload dialog's title. */
  ownerName: (record: { id: number } & Record<string, unknown>) => string;
  /** The field's label on a page of labelled fields (read by the layout). */
  label?: string;
}) => {
  const record = useRecordContext<{ id: number } & Record<string, unknown>>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  if (!record) return null;
  const kinds = uploadableKinds(role, ownerType);
  return (
    <Box>
      {kinds.length ? (
        <Box sx={{ mb: 2 }}>
          <UploadDocumentButton
            ownerType={ownerType}
            ownerId={record.id}
            ownerName={ownerName(record)}
            kinds={kinds}
          />
        </Box>
      ) : null}
      <ReferenceManyField
        reference="documents"
        target="ownerId"
        filter={{ ownerType }}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        label={false}
      >
        <ResponsiveTable
          rowClick={false}
          bulkActionButtons={false}
          // The owner is a filter of the list, not one the user chose: no "clear the filters".
          empty={<Typography sx={{ my: 2 }}>{translate('app.documents.none')}</Typography>}
        >
          <ChoiceCol source="kind" choices={kindChoices} />
          <DataTable.Col source="fileName" />
          <DataTable.Col source="sizeBytes" label="app.documents.size">
            <FunctionField<DocumentRecord> render={(doc) => formatBytes(doc.sizeBytes)} />
          </DataTable.Col>
          <DataTable.Col source="uploadedById" disableSort>
            <ReferenceField source="uploadedById" reference="users" link={false} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="app.documents.uploaded_at">
            <FunctionField<DocumentRecord> render={(doc) => formatDay(doc.createdAt)} />
          </DataTable.Col>
          <DataTable.Col source="actions" label="app.documents.actions" disableSort>
            <DocumentActions />
          </DataTable.Col>
        </ResponsiveTable>
      </ReferenceManyField>
    </Box>
  );
};
