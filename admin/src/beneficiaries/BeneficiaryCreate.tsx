import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { useTerritoryDefault } from '../common/useTerritoryDefault';
import { BeneficiaryInputs } from './BeneficiaryInputs';

/** Checked as typed (`mode="onChange"`): the fiscal code's message appears beside it at once. */
export const BeneficiaryCreate = () => {
  const defaultValues = useTerritoryDefault();
  return (
    <CreatePage>
      <SimpleForm
        warnWhenUnsavedChanges
        mode="onChange"
        reValidateMode="onChange"
        defaultValues={defaultValues}
        sx={{ maxWidth: 640 }}
      >
        <BeneficiaryInputs />
      </SimpleForm>
    </CreatePage>
  );
};
