import { CreateButton, useRecordContext } from 'react-admin';

/** Opens the create form of a pact's milestone or note with the pact already chosen. */
export const AddToPactButton = ({
  resource,
  label,
}: {
  resource: 'milestones' | 'notes';
  label: string;
}) => {
  const pact = useRecordContext();
  if (!pact) return null;
  return <CreateButton resource={resource} label={label} state={{ record: { pactId: pact.id } }} />;
};
