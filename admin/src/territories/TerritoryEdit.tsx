import { Edit, SimpleForm } from 'react-admin';
import { TerritoryInputs } from './TerritoryInputs';

export const TerritoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <TerritoryInputs />
    </SimpleForm>
  </Edit>
);
