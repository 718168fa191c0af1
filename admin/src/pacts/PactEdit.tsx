import { Edit, SimpleForm } from 'react-admin';
import { PactInputs } from './PactInputs';

export const PactEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <PactInputs />
    </SimpleForm>
  </Edit>
);
