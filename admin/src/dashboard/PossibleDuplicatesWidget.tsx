import { Button } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { HomeCard } from './HomeCard';

/** The possible duplicates waiting for the administrator, counted by the server. */
export const PossibleDuplicatesWidget = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList('possible-duplicates', {
    filter: { resolved: false },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'at', order: 'DESC' },
  });
  return (
    <HomeCard
      title={translate('resources.possible-duplicates.name', { smart_count: 2 })}
      count={total}
      loading={isPending}
      error={error}
      empty={total === 0 && translate('app.possible_duplicates.none')}
    >
      <Button
        component={Link}
        to={createPath({ resource: 'possible-duplicates', type: 'list' })}
        sx={{ minHeight: 44 }}
      >
        {translate('app.possible_duplicates.open', { smart_count: total ?? 0 })}
      </Button>
    </HomeCard>
  );
};
