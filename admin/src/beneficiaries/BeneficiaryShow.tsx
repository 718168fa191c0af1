import { EMPLOYMENT_STATUSES, SEXES } from '@generattivi/shared';
import {
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField } from '../common/fields';

export const BeneficiaryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="lastName" />
      <TextField source="firstName" />
      <TextField source="fiscalCode" />
      <CalendarDateField source="birthDate" />
      <SelectField source="sex" choices={enumChoices(SEXES, 'sex')} />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="municipality" />
      <TextField source="address" />
      <TextField source="phone" />
      <EmailField source="email" />
      <SelectField
        source="employmentStatus"
        choices={enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus')}
      />
      <ReferenceField source="householdId" reference="households" />
    </SimpleShowLayout>
  </Show>
);
