import { Create, SimpleForm } from 'react-admin';
import { TerritoryInputs } from './TerritoryInputs';

export const TerritoryCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TerritoryInputs />
    </SimpleForm>
  </Create>
);
