import { NumberField, ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const CivicCenterShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="description" />
      <NumberField source="childrenReached" />
      <NumberField source="adultsReached" />
    </SimpleShowLayout>
  </Show>
);
