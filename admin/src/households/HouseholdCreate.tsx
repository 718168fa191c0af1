import { Create, SimpleForm } from 'react-admin';
import { HouseholdInputs } from './HouseholdInputs';

export const HouseholdCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <HouseholdInputs />
    </SimpleForm>
  </Create>
);
