import { EMPLOYMENT_STATUSES, SEXES } from '@generattivi/shared';
import type { Beneficiary } from '@generattivi/shared';
import {
  EditButton,
  EmailField,
  ReferenceField,
  SelectField,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import { CalendarDateField } from '../common/fields';
import { usePersonView } from '../common/lists';
import { ShowPage } from '../common/ShowPage';
import { DocumentsTab } from '../documents/DocumentsTab';
import { RelatedPacts } from '../pacts/RelatedPacts';
import { AccessRegister } from './AccessRegister';
import { AnonymisedNotice, AnonymiseButton } from './AnonymiseButton';

/** «Modifica» while the person is on file; an anonymised person is no longer edited. */
const EditUnlessAnonymised = () => {
  const person = useRecordContext<Beneficiary>();
  return person && !person.anonymisedAt ? <EditButton /> : null;
};

const actions = (
  <TopToolbar>
    <AnonymiseButton />
    <EditUnlessAnonymised />
  </TopToolbar>
);

/**
 * What the role reads of a person (shared `personViewOf`): a manager initials, the year of
 * birth, the fiscal code masked and no contacts (shown as a dash); a community maker no fiscal
 * code and the year of birth. The access register is the administrator's only.
 */
export const BeneficiaryShow = () => {
  const view = usePersonView();
  const { canAccess: readsAccessLog } = useCanAccess({ resource: 'access-log', action: 'list' });
  return (
    <ShowPage actions={actions}>
      <AnonymisedNotice />
      <TextField source="lastName" />
      <TextField source="firstName" />
      {view.fiscalCode !== 'none' && <TextField source="fiscalCode" />}
      {view.birth === 'date' ? (
        <CalendarDateField source="birthDate" />
      ) : (
        <TextField source="birthYear" />
      )}
      <SelectField source="sex" choices={enumChoices(SEXES, 'sex')} />
      <ReferenceField source="territoryId" reference="territories" />
      <TextField source="municipality" />
      <TextField source="address" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <EmailField source="email" emptyText="—" />
      <SelectField
        source="employmentStatus"
        choices={enumChoices(EMPLOYMENT_STATUSES, 'employmentStatus')}
      />
      <ReferenceField source="householdId" reference="households" emptyText="—" />
      <RelatedPacts target="beneficiaryId" label="app.beneficiaries.pacts" empty={<span>—</span>} />
      <DocumentsTab
        ownerType="beneficiaries"
        ownerName={(person) => `${String(person.firstName)} ${String(person.lastName)}`}
        label="app.beneficiaries.documents"
      />
      {readsAccessLog ? <AccessRegister label="app.beneficiaries.access_register" /> : null}
    </ShowPage>
  );
};
