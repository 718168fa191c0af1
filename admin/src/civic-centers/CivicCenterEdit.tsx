import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { CivicCenterInputs } from './CivicCenterInputs';

export const CivicCenterEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <CivicCenterInputs />
    </SimpleForm>
  </EditPage>
);
