import { Show, SimpleShowLayout, TextArrayField, TextField } from 'react-admin';

export const TerritoryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextArrayField source="municipalities" />
    </SimpleShowLayout>
  </Show>
);
