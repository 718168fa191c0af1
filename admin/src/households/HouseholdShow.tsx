import {
  BooleanField,
  NumberField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { InstantField } from '../common/fields';
import { EURO } from './euro';

export const HouseholdShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="municipality" />
      <NumberField source="membersCount" />
      <NumberField source="iseeEur" locales="it-IT" options={EURO} />
      <BooleanField source="vulnerable" />
      <TextField source="vulnerabilityReason" />
      <ReferenceField source="assessedById" reference="users" />
      <InstantField source="assessedAt" />
    </SimpleShowLayout>
  </Show>
);
