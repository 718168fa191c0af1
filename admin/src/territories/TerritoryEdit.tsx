import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { TerritoryInputs } from './TerritoryInputs';

export const TerritoryEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <TerritoryInputs />
    </SimpleForm>
  </EditPage>
);
