import { Link, useCreatePath } from 'react-admin';

/** A pact's reference as a link to its page. */
export const PactLink = ({ id, reference }: { id: number; reference: string }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource: 'pacts', id, type: 'show' })} sx={{ fontWeight: 600 }}>
      {reference}
    </Link>
  );
};
