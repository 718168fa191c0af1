import type { Territory } from '@generattivi/shared';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, required, useGetOne } from 'react-admin';

/** The municipality, among those of the chosen territory (the server accepts no other). */
export const MunicipalityInput = () => {
  const territoryId = useWatch({ name: 'territoryId' }) as number | null | undefined;
  const { data: territory } = useGetOne<Territory>(
    'territories',
    { id: territoryId ?? 0 },
    { enabled: !!territoryId },
  );
  const choices = (territory?.municipalities ?? []).map((name) => ({ id: name, name }));
  return (
    <AutocompleteInput
      source="municipality"
      choices={choices}
      translateChoice={false}
      validate={required()}
      disabled={!territoryId}
      helperText={territoryId ? false : 'app.places.choose_territory'}
    />
  );
};
