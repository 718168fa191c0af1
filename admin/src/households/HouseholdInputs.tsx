import { BooleanInput, minValue, NumberInput, required, TextInput } from 'react-admin';
import { NameAndTerritoryInputs } from '../common/TerritoryInput';
import { MunicipalityInput } from '../common/MunicipalityInput';

export const HouseholdInputs = () => (
  <>
    <NameAndTerritoryInputs />
    <MunicipalityInput />
    <NumberInput source="membersCount" min={1} step={1} validate={[required(), minValue(1)]} />
    <NumberInput source="iseeEur" min={0} step={0.01} validate={minValue(0)} />
    <BooleanInput source="vulnerable" />
    <TextInput source="vulnerabilityReason" multiline minRows={2} />
  </>
);
