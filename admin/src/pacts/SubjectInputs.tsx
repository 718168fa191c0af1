import type { Beneficiary, Household } from '@generattivi/shared';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, ReferenceInput, required } from 'react-admin';

const beneficiaryText = (b: Beneficiary) =>
  b ? `${b.lastName} ${b.firstName} — ${b.fiscalCode}` : '';
const householdText = (h: Household) => (h ? `${h.name} — ${h.municipality}` : '');
const search = (q: string) => (q ? { q } : {});

/**
 * Who the pact is for, found by name or fiscal code (`q`): the beneficiary of an AUTONOMY
 * pact; the household of an INCLUSION pact, with an optional reference person.
 */
export const SubjectInputs = () => {
  const type = useWatch({ name: 'type' });
  const autonomy = type === 'AUTONOMY';
  return (
    <>
      {type === 'INCLUSION' ? (
        <ReferenceInput
          source="householdId"
          reference="households"
          sort={{ field: 'name', order: 'ASC' }}
        >
          <AutocompleteInput
            optionText={householdText}
            filterToQuery={search}
            validate={required()}
            helperText="app.pacts.search_household"
            sx={{ minWidth: { sm: 420 } }}
          />
        </ReferenceInput>
      ) : null}
      {type ? (
        <ReferenceInput
          source="beneficiaryId"
          reference="beneficiaries"
          sort={{ field: 'lastName', order: 'ASC' }}
        >
          <AutocompleteInput
            label={autonomy ? undefined : 'app.pacts.reference_person'}
            optionText={beneficiaryText}
            filterToQuery={search}
            validate={autonomy ? required() : undefined}
            helperText="app.pacts.search_beneficiary"
            sx={{ minWidth: { sm: 420 } }}
          />
        </ReferenceInput>
      ) : null}
    </>
  );
};
