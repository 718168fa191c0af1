import type { Beneficiary } from '@generattivi/shared';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Typography } from '@mui/material';
import {
  DataTable,
  FunctionField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { InstantField } from '../common/fields';
import { ResponsiveTable } from '../common/lists';
import { useDownload } from '../common/useDownload';
import type { AppDataProvider } from '../providers/dataProvider';

/** One read of the register: which record, and how it reached its reader. */
interface AccessEntry {
  id: number;
  entityType: 'beneficiaries' | 'households' | 'pacts';
  entityId: number;
  via: string;
}

/**
 * For the administrator (the page shows it to no one else), on a person's page: who read the person's record and when, newest
 * first (the person, their household and their pacts), and the button that downloads everything held about them (GDPR art. 15) as a ZIP.
 */
export const AccessRegister = (_: { label?: string }) => {
  const person = useRecordContext<Beneficiary>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { busy, download } = useDownload('app.beneficiaries.subject_access_failed');
  if (!person) return null;
  return (
    <Box>
      <Button
        variant="outlined"
        startIcon={<DownloadIcon />}
        disabled={busy}
        sx={{ minHeight: 44, mb: 2 }}
        onClick={() =>
          void download(
            () => dataProvider.getSubjectAccess(person.id),
            `dati-interessato-${person.id}.zip`,
          )
        }
      >
        {translate('app.beneficiaries.subject_access')}
      </Button>
      <ReferenceManyField
        reference="access-log"
        target="beneficiaryId"
        sort={{ field: 'at', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
        label={false}
      >
        <ResponsiveTable
          rowClick={false}
          bulkActionButtons={false}
          empty={
            <Typography sx={{ my: 2 }}>{translate('app.beneficiaries.access_none')}</Typography>
          }
        >
          <DataTable.Col source="actorId" disableSort>
            <ReferenceField source="actorId" reference="users" link={false} />
          </DataTable.Col>
          <DataTable.Col source="at">
            <InstantField source="at" />
          </DataTable.Col>
          <DataTable.Col source="entityType" disableSort>
            <FunctionField<AccessEntry>
              render={(entry) =>
                entry.entityType === 'beneficiaries' ? (
                  translate('app.beneficiaries.access_record.beneficiaries')
                ) : (
                  <>
                    {translate(`app.beneficiaries.access_record.${entry.entityType}`)}{' '}
                    <ReferenceField
                      record={entry}
                      source="entityId"
                      reference={entry.entityType}
                      link={false}
                    />
                  </>
                )
              }
            />
          </DataTable.Col>
          <DataTable.Col source="via" disableSort>
            <FunctionField<AccessEntry>
              render={(entry) => translate(`app.beneficiaries.access_via.${entry.via}`)}
            />
          </DataTable.Col>
        </ResponsiveTable>
      </ReferenceManyField>
    </Box>
  );
};
