import { Create, SimpleForm } from 'react-admin';
import { CivicCenterInputs } from './CivicCenterInputs';

export const CivicCenterCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <CivicCenterInputs />
    </SimpleForm>
  </Create>
);
