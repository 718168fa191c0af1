import { createAuthProvider } from '../providers/authProvider';

/**
 * The one session of the page: the login shell signs in with it and the admin reads the same
 * token afterwards, whichever of the two was loaded first.
 */
export const authProvider = createAuthProvider();
