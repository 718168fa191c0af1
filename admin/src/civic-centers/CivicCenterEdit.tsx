import { Edit, SimpleForm } from 'react-admin';
import { CivicCenterInputs } from './CivicCenterInputs';

export const CivicCenterEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <CivicCenterInputs />
    </SimpleForm>
  </Edit>
);
