import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { CivicCenterInputs } from './CivicCenterInputs';

export const CivicCenterCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges>
      <CivicCenterInputs />
    </SimpleForm>
  </CreatePage>
);
