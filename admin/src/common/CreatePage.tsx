import { Create, type CreateProps } from 'react-admin';
import { useSaveErrorHandler } from './useSaveErrorHandler';

/** Every create page: opens the new record once saved; the server's refusals explained. */
export const CreatePage = ({ children, ...props }: CreateProps) => {
  const onError = useSaveErrorHandler();
  return (
    <Create redirect="show" mutationOptions={{ onError }} {...props}>
      {children}
    </Create>
  );
};
