import { ReferenceField } from 'react-admin';

/** An assignment as people name it: the pact, then the community maker who follows it. */
export const AssignmentName = () => (
  <span>
    <ReferenceField source="pactId" reference="pacts" link={false} />
    {' → '}
    <ReferenceField source="communityMakerId" reference="users" link={false} />
  </span>
);
