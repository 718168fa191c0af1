import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { UserInputs } from './UserInputs';

export const UserEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <UserInputs />
    </SimpleForm>
  </EditPage>
);
