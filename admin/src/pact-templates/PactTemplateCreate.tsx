import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { useTerritoryDefault } from '../common/useTerritoryDefault';
import { PactTemplateInputs } from './PactTemplateInputs';

export const PactTemplateCreate = () => {
  const defaultValues = useTerritoryDefault({ type: 'AUTONOMY', milestones: [] });
  return (
    <CreatePage>
      <SimpleForm warnWhenUnsavedChanges defaultValues={defaultValues} sx={{ maxWidth: 760 }}>
        <PactTemplateInputs />
      </SimpleForm>
    </CreatePage>
  );
};
