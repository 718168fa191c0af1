import { EMPLOYMENT_STATUSES, SEXES } from '@generattivi/shared';
import { DateInput, email, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../common/choices';

/** Stored upper-case (DOMAIN.md); the server checks the code itself. */
const toUpperCase = (value: string) => value.toUpperCase() || null;

export const BeneficiaryInputs = () => (
  <>
    <TextInput source="firstName" validate={required()} />
    <TextInput source="lastName" validate={required()} />
    <TextInput source="fiscalCode" parse={toUpperCase} validate={required()} />
    <DateInput source="birthDate" validate={required()} />
    <SelectInput source="sex" choices={enumChoices(SEXES, 'sex')} validate={required()} />
    <ReferenceInput source="territoryId" reference="territories">
      <SelectInput validate={required()} />
    </ReferenceInput>
    <TextInput source="municipality" validate={required()} />
    <TextInput source="address" />
    <TextInput source="phone" type="tel" />
    <TextInput source="email" type="email" validate={email()} />
    <SelectInput
      source="employmentStatus"
      choices={enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus')}
      validate={required()}
    />
    <ReferenceInput source="householdId" reference="households" />
  </>
);
