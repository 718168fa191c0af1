import type { Pact } from '@generattivi/shared';
import { Typography } from '@mui/material';
import { SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { PactInputs } from './PactInputs';

/** Type, territory and reference are fixed once the pact exists: shown, not edited. */
const PactSummary = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  if (!pact) return null;
  return (
    <Typography variant="h6" component="h1">
      {pact.reference} — {translate(`enums.pactType.${pact.type}`)}
    </Typography>
  );
};

export const PactEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 760 }}>
      <PactSummary />
      <PactInputs />
    </SimpleForm>
  </EditPage>
);
