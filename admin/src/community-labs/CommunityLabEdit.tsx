import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { CommunityLabInputs } from './CommunityLabInputs';

export const CommunityLabEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <CommunityLabInputs />
    </SimpleForm>
  </EditPage>
);
