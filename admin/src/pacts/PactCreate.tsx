import type { Role } from '@generattivi/shared';
import { Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import {
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { useTerritoryDefault } from '../common/useTerritoryDefault';
import { EligibilityPreview } from './EligibilityPreview';
import { pactTypeChoices } from './pactChoices';
import { PactInputs } from './PactInputs';
import { SubjectInputs } from './SubjectInputs';
import { TemplatePicker } from './TemplatePicker';

/** An AUTONOMY pact has no household; the reference person of an INCLUSION pact is optional. */
const toPact = (values: Record<string, unknown>) =>
  values.type === 'AUTONOMY' ? { ...values, householdId: null } : values;

const Step = ({ children }: { children: string }) => (
  <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
    {children}
  </Typography>
);

const SocialWorkerInput = () => {
  const territoryId = useWatch({ name: 'territoryId' });
  return (
    <ReferenceInput
      source="socialWorkerId"
      reference="users"
      filter={{
        role: 'SOCIAL_WORKER',
        active: true,
        ...(territoryId ? { territoryIds: territoryId } : {}),
      }}
      sort={{ field: 'fullName', order: 'ASC' }}
    >
      <SelectInput optionText="fullName" />
    </ReferenceInput>
  );
};

/**
 * Opening a pact: the type, who it is for (found by name or fiscal code), the eligibility
 * preview computed live from the shared rules, then the programme and the dates. The
 * server's answer lands beside each field.
 */
export const PactCreate = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  const defaultValues = useTerritoryDefault({ type: 'AUTONOMY' });
  return (
    <CreatePage transform={toPact}>
      <SimpleForm warnWhenUnsavedChanges defaultValues={defaultValues} sx={{ maxWidth: 760 }}>
        <Step>{translate('app.pacts.section_who')}</Step>
        <RadioButtonGroupInput source="type" choices={pactTypeChoices} validate={required()} />
        <ReferenceInput source="territoryId" reference="territories">
          <SelectInput validate={required()} />
        </ReferenceInput>
        {role === 'ADMIN' ? <SocialWorkerInput /> : null}
        <SubjectInputs />
        <EligibilityPreview />
        <TemplatePicker />
        <PactInputs />
      </SimpleForm>
    </CreatePage>
  );
};
