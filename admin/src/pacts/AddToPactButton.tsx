import { CreateButton, useRecordContext } from 'react-admin';

const LABELS = { milestones: 'app.pacts.add_milestone', notes: 'app.pacts.add_note' };

/** Opens the create form of a pact's milestone or note with the pact already chosen. */
export const AddToPactButton = ({ resource }: { resource: keyof typeof LABELS }) => {
  const pact = useRecordContext();
  if (!pact) return null;
  return (
    <CreateButton
      resource={resource}
      label={LABELS[resource]}
      state={{ record: { pactId: pact.id } }}
    />
  );
};
