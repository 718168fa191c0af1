import {
  BooleanInput,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { MunicipalityInput } from '../common/MunicipalityInput';

export const HouseholdInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="territoryId" reference="territories">
      <SelectInput validate={required()} />
    </ReferenceInput>
    <MunicipalityInput />
    <NumberInput source="membersCount" min={1} step={1} validate={[required(), minValue(1)]} />
    <NumberInput source="iseeEur" min={0} step={0.01} validate={minValue(0)} />
    <BooleanInput source="vulnerable" />
    <TextInput source="vulnerabilityReason" multiline minRows={2} />
  </>
);
