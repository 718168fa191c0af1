import { minLength, PasswordInput, SimpleForm } from 'react-admin';
import { CreatePage } from '../common/CreatePage';
import { UserInputs } from './UserInputs';

/**
 * The password is write-only and optional: left empty, the user gets an invitation by email
 * to choose their own; typed here, they change it at their first sign-in.
 */
export const UserCreate = () => (
  <CreatePage>
    <SimpleForm warnWhenUnsavedChanges defaultValues={{ active: true, territoryIds: [] }}>
      <UserInputs />
      <PasswordInput
        source="password"
        autoComplete="new-password"
        helperText="app.invitations.password_helper"
        validate={minLength(12)}
        parse={(value: string) => (value === '' ? undefined : value)}
      />
    </SimpleForm>
  </CreatePage>
);
