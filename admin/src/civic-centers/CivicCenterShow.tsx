import { NumberField, ReferenceField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';

export const CivicCenterShow = () => (
  <ShowPage>
    <TextField source="name" />
    <ReferenceField source="territoryId" reference="territories" />
    <TextField source="description" />
    <NumberField source="childrenReached" />
    <NumberField source="adultsReached" />
  </ShowPage>
);
