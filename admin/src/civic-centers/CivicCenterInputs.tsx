import {
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';

export const CivicCenterInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="territoryId" reference="territories">
      <SelectInput validate={required()} />
    </ReferenceInput>
    <TextInput source="description" multiline minRows={3} />
    <NumberInput source="childrenReached" min={0} step={1} validate={minValue(0)} />
    <NumberInput source="adultsReached" min={0} step={1} validate={minValue(0)} />
  </>
);
