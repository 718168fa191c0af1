import type { ReactElement, ReactNode } from 'react';
import { Show, SimpleShowLayout } from 'react-admin';

/** A record's page: its fields one under the other, each with its label; `actions` above. */
export const ShowPage = ({
  children,
  actions,
}: {
  children: ReactNode;
  actions?: ReactElement;
}) => (
  <Show actions={actions}>
    <SimpleShowLayout>{children}</SimpleShowLayout>
  </Show>
);
