import { Create, SimpleForm } from 'react-admin';
import { MilestoneInputs } from './MilestoneInputs';

export const MilestoneCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ status: 'PENDING' }}>
      <MilestoneInputs />
    </SimpleForm>
  </Create>
);
