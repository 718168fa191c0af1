import { Create, SimpleForm } from 'react-admin';
import { PactInputs } from './PactInputs';

export const PactCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <PactInputs />
    </SimpleForm>
  </Create>
);
