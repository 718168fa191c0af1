import { Edit, SimpleForm } from 'react-admin';
import { CommunityLabInputs } from './CommunityLabInputs';

export const CommunityLabEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <CommunityLabInputs />
    </SimpleForm>
  </Edit>
);
