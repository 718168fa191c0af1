import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { MilestoneInputs } from './MilestoneInputs';

export const MilestoneEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges>
      <MilestoneInputs />
    </SimpleForm>
  </EditPage>
);
