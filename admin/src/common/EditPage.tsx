import { Edit, type EditProps } from 'react-admin';
import { useSaveErrorHandler } from './useSaveErrorHandler';

/** Every edit page: saved only once the server agrees, then back to the record. */
export const EditPage = ({ children, ...props }: EditProps) => {
  const onError = useSaveErrorHandler();
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }} {...props}>
      {children}
    </Edit>
  );
};
