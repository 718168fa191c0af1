import { SimpleForm } from 'react-admin';
import { EditPage } from '../common/EditPage';
import { PactTemplateInputs } from './PactTemplateInputs';

export const PactTemplateEdit = () => (
  <EditPage>
    <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 760 }}>
      <PactTemplateInputs />
    </SimpleForm>
  </EditPage>
);
