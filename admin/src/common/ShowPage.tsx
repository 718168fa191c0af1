import type { ReactNode } from 'react';
import { Show, SimpleShowLayout } from 'react-admin';

/** A record's page: its fields one under the other, each with its label. */
export const ShowPage = ({ children }: { children: ReactNode }) => (
  <Show>
    <SimpleShowLayout>{children}</SimpleShowLayout>
  </Show>
);
