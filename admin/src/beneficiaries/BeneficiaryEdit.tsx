import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { BeneficiaryInputs } from './BeneficiaryInputs';

export const BeneficiaryEdit = () => (
  <EditPage>
    <SimpleForm
      warnWhenUnsavedChanges
      mode="onChange"
      reValidateMode="onChange"
      sx={{ maxWidth: 640 }}
    >
      <BeneficiaryInputs />
    </SimpleForm>
  </EditPage>
);
