import { EMPLOYMENT_STATUSES, SEXES } from '@generattivi/shared';
import {
  AutocompleteInput,
  DateInput,
  email,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { TerritoryInput } from '../common/TerritoryInput';
import { MunicipalityInput } from '../common/MunicipalityInput';
import { FiscalCodeInput } from './FiscalCodeInput';

/** The fiscal code comes before birth date and sex: typing it fills them in. */
export const BeneficiaryInputs = () => (
  <>
    <TextInput source="firstName" validate={required()} autoComplete="off" />
    <TextInput source="lastName" validate={required()} autoComplete="off" />
    <FiscalCodeInput />
    <DateInput source="birthDate" validate={required()} />
    <SelectInput source="sex" choices={enumChoices(SEXES, 'sex')} validate={required()} />
    <TerritoryInput />
    <MunicipalityInput />
    <TextInput source="address" />
    <TextInput source="phone" type="tel" />
    <TextInput source="email" type="email" validate={email()} />
    <SelectInput
      source="employmentStatus"
      choices={enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus')}
      validate={required()}
    />
    <ReferenceInput
      source="householdId"
      reference="households"
      sort={{ field: 'name', order: 'ASC' }}
    >
      <AutocompleteInput filterToQuery={(q: string) => (q ? { q } : {})} />
    </ReferenceInput>
  </>
);
