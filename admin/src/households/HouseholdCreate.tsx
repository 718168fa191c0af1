import { SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { useTerritoryDefault } from '../common/useTerritoryDefault';
import { HouseholdInputs } from './HouseholdInputs';

export const HouseholdCreate = () => {
  const defaultValues = useTerritoryDefault({ vulnerable: false });
  return (
    <CreatePage>
      <SimpleForm warnWhenUnsavedChanges defaultValues={defaultValues}>
        <HouseholdInputs />
      </SimpleForm>
    </CreatePage>
  );
};
