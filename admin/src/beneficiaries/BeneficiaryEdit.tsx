import { Edit, SimpleForm } from 'react-admin';
import { BeneficiaryInputs } from './BeneficiaryInputs';

export const BeneficiaryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <BeneficiaryInputs />
    </SimpleForm>
  </Edit>
);
