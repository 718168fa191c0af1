import { Create, SimpleForm } from 'react-admin';
import { BeneficiaryInputs } from './BeneficiaryInputs';

export const BeneficiaryCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <BeneficiaryInputs />
    </SimpleForm>
  </Create>
);
