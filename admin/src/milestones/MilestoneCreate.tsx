import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { MilestoneInputs } from './MilestoneInputs';

export const MilestoneCreate = () => (
  <CreatePage>
    <SimpleForm defaultValues={{ status: 'PENDING' }}>
      <MilestoneInputs />
    </SimpleForm>
  </CreatePage>
);
