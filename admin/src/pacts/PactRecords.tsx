import { Box } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import { ReferenceManyField, type SortPayload } from 'react-admin';

/**
 * A tab of the pact page listing the pact's notes or milestones: a notice first when there
 * is one, the button that adds one when the caller may, then the list.
 */
export const PactRecords = ({
  reference,
  sort,
  perPage,
  pagination,
  notice,
  action,
  children,
}: {
  reference: 'notes' | 'milestones';
  sort: SortPayload;
  perPage: number;
  pagination?: ReactElement;
  notice?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) => (
  <Box>
    {notice}
    {action ? <Box sx={{ mb: 2 }}>{action}</Box> : null}
    <ReferenceManyField
      reference={reference}
      target="pactId"
      sort={sort}
      perPage={perPage}
      pagination={pagination}
    >
      {children}
    </ReferenceManyField>
  </Box>
);
