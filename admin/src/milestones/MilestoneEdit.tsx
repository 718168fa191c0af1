import { Edit, SimpleForm } from 'react-admin';
import { MilestoneInputs } from './MilestoneInputs';

export const MilestoneEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <MilestoneInputs />
    </SimpleForm>
  </Edit>
);
