import { TERRITORY_CODES } from '@generattivi/shared';
import { required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

export const TerritoryInputs = () => (
  <>
    <SelectInput
      source="code"
      choices={enumChoices(TERRITORY_CODES, 'territory')}
      validate={required()}
    />
    <TextInput source="name" validate={required()} />
    <TextArrayInput source="municipalities" />
  </>
);
