import { Alert, Badge, Card, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useGetList, useTranslate, type GetListParams, type RaRecord } from 'react-admin';

/**
 * What a card shows of its data: placeholders while loading, the error (a 404 says the
 * report is not available here), what to say when there is nothing, or the data.
 */
export const CardState = ({
  loading,
  error,
  empty,
  loadingHeight,
  children,
}: {
  loading: boolean;
  error?: unknown;
  empty?: string | false;
  /** One placeholder this high (a chart) instead of two rows. */
  loadingHeight?: number;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  const status = (error as { status?: number } | null | undefined)?.status;
  if (loading) {
    return (
      <Stack spacing={1} aria-busy="true">
        {loadingHeight ? (
          <Skeleton variant="rounded" height={loadingHeight} />
        ) : (
          <>
            <Skeleton variant="rounded" height={32} />
            <Skeleton variant="rounded" height={32} />
          </>
        )}
      </Stack>
    );
  }
  if (error) {
    return (
      <Alert severity={status === 404 ? 'info' : 'warning'}>
        {translate(status === 404 ? 'app.dashboard.not_available' : 'app.dashboard.load_error', {
          message: (error as Error)?.message ?? '',
        })}
      </Alert>
    );
  }
  if (empty) return <Typography color="text.secondary">{empty}</Typography>;
  return <>{children}</>;
};

/**
 * A home widget: a titled section (an h2, so that the page reads as an outline), an
 * optional count, and what to say while loading, on error and when there is nothing.
 */
export const HomeCard = ({
  title,
  count,
  loading = false,
  error,
  empty,
  action,
  children,
}: {
  title: string;
  count?: number;
  loading?: boolean;
  error?: unknown;
  /** Shown instead of the children when set (the list is empty). */
  empty?: string | false;
  action?: ReactNode;
  children?: ReactNode;
}) => {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardContent>
        <Stack
          direction="row"
          spacing={2}
          sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}
          useFlexGap
        >
          <Typography id={id} variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            {title}
            {count !== undefined ? (
              <Badge
                badgeContent={count}
                max={999}
                showZero
                color={count > 0 ? 'primary' : 'default'}
                sx={{ ml: 3, '& .MuiBadge-badge': { position: 'static', transform: 'none' } }}
              />
            ) : null}
          </Typography>
          {action}
        </Stack>
        <CardState loading={loading} error={error} empty={empty}>
          {children}
        </CardState>
      </CardContent>
    </Card>
  );
};

/** "… e altri N" under a list that shows only the first rows of `total`. */
export const MoreCount = ({ total, shown }: { total?: number; shown: number }) => {
  const translate = useTranslate();
  return total !== undefined && total > shown ? (
    <Typography variant="body2" sx={{ mt: 1 }}>
      {translate('app.dashboard.more', { smart_count: total - shown })}
    </Typography>
  ) : null;
};

/**
 * A home card over the first page of a list: the server's total as the badge, the rows,
 * how many more there are; loading, error and empty states from HomeCard.
 */
export const ListCard = <Row extends RaRecord>({
  resource,
  params,
  retry,
  title,
  empty,
  children,
}: {
  resource: string;
  params: Partial<GetListParams>;
  /** False where a 404 means "not available here" rather than a passing failure. */
  retry?: false;
  title: string;
  empty: string;
  children: (rows: Row[]) => ReactNode;
}) => {
  const {
    data = [],
    total,
    isPending,
    error,
  } = useGetList<Row>(resource, params, retry === false ? { retry } : undefined);
  return (
    <HomeCard
      title={title}
      count={error ? undefined : total}
      loading={isPending}
      error={error}
      empty={data.length === 0 && empty}
    >
      {children(data)}
      <MoreCount total={total} shown={data.length} />
    </HomeCard>
  );
};
