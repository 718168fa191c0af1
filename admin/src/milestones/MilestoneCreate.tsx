import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { MilestoneInputs } from './MilestoneInputs';

export const MilestoneCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges defaultValues={{ status: 'PENDING' }}>
      <MilestoneInputs />
    </SimpleForm>
  </CreatePage>
);
