import { isAllowed, type Beneficiary, type Role } from '@generattivi/shared';
import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert, TextField } from '@mui/material';
import { useDataProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { DialogButton, FormDialog } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';
import type { AppDataProvider } from '../providers/dataProvider';

/**
 * «Anonimizza» on a person's page (ADMIN): a dialog that warns what is lost for good and
 * requires the reason, then `POST /api/beneficiaries/:id/anonymise`. Not shown for a person
 * already anonymised.
 */
export const AnonymiseButton = () => {
  const translate = useTranslate();
  const person = useRecordContext<Beneficiary>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const dialog = useFormDialog({ reason: '' });
  if (!person || person.anonymisedAt || !role || !isAllowed(role, 'beneficiaries', 'anonymise'))
    return null;
  const name = `${person.firstName} ${person.lastName}`;

  const submit = async () => {
    const reason = dialog.values.reason.trim();
    if (!dialog.required({ reason })) return;
    await dialog.send(
      () => dataProvider.anonymiseBeneficiary(person.id, { reason }),
      'app.anonymise.done',
    );
  };

  return (
    <>
      <DialogButton dialog={dialog} color="error" startIcon={<PersonOffIcon />}>
        {translate('app.anonymise.button')}
      </DialogButton>
      {dialog.open ? (
        <FormDialog
          dialog={dialog}
          title={`${translate('app.anonymise.title')} — ${name}`}
          onSubmit={submit}
          submitLabel={translate('app.anonymise.confirm')}
          submitColor="error"
        >
          <Alert severity="warning">{translate('app.anonymise.warning', { name })}</Alert>
          <TextField
            required
            label={translate('app.anonymise.reason')}
            multiline
            minRows={2}
            {...dialog.field('reason')}
          />
        </FormDialog>
      ) : null}
    </>
  );
};

/** «Persona anonimizzata» above the page of a person who was: nothing of them is edited. */
export const AnonymisedNotice = () => {
  const translate = useTranslate();
  const person = useRecordContext<Beneficiary>();
  if (!person?.anonymisedAt) return null;
  return <Alert severity="info">{translate('app.anonymise.notice')}</Alert>;
};
