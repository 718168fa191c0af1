import { ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

/** The territory a record belongs to: required, one of the territories. */
export const TerritoryInput = () => (
  <ReferenceInput source="territoryId" reference="territories">
    <SelectInput validate={required()} />
  </ReferenceInput>
);

/** The name and territory a place or a household starts with. */
export const NameAndTerritoryInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TerritoryInput />
  </>
);
