import { Create, SimpleForm } from 'react-admin';
import { CommunityLabInputs } from './CommunityLabInputs';

export const CommunityLabCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <CommunityLabInputs />
    </SimpleForm>
  </Create>
);
