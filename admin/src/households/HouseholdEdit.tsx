import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { HouseholdInputs } from './HouseholdInputs';

export const HouseholdEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <HouseholdInputs />
    </SimpleForm>
  </EditPage>
);
