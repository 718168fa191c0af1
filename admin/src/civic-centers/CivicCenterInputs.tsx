import { minValue, NumberInput, TextInput } from 'react-admin';
import { NameAndTerritoryInputs } from '../common/TerritoryInput';

export const CivicCenterInputs = () => (
  <>
    <NameAndTerritoryInputs />
    <TextInput source="description" multiline minRows={3} />
    <NumberInput source="childrenReached" min={0} step={1} validate={minValue(0)} />
    <NumberInput source="adultsReached" min={0} step={1} validate={minValue(0)} />
  </>
);
