import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { TerritoryInputs } from './TerritoryInputs';

export const TerritoryCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges>
      <TerritoryInputs />
    </SimpleForm>
  </CreatePage>
);
