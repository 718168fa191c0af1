import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { CommunityLabInputs } from './CommunityLabInputs';

export const CommunityLabCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges>
      <CommunityLabInputs />
    </SimpleForm>
  </CreatePage>
);
