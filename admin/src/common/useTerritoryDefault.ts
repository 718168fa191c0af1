import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';

/**
 * The default values of a create form with the caller's territory chosen when they work
 * in one only (a social worker of Crema registers people of Crema). Stable between renders,
 * so that the form resets only once, when the identity arrives.
 */
export function useTerritoryDefault<T extends object>(defaults: T = {} as T) {
  const { identity } = useGetIdentity();
  const territoryIds = identity?.territoryIds as number[] | undefined;
  const only = territoryIds?.length === 1 ? territoryIds[0] : undefined;
  const key = JSON.stringify(defaults);
  return useMemo(
    () => ({ ...(JSON.parse(key) as T), ...(only ? { territoryId: only } : {}) }),
    [key, only],
  );
}
