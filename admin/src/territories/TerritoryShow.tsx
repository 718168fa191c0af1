import { TextArrayField, TextField } from 'react-admin';
import { ShowPage } from '../common/ShowPage';

export const TerritoryShow = () => (
  <ShowPage>
    <TextField source="code" />
    <TextField source="name" />
    <TextArrayField source="municipalities" />
  </ShowPage>
);
