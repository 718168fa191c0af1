import { fetchUtils, HttpError, type AuthProvider, type UserIdentity } from 'ra-core';
import type { LoginResponse } from '@generattivi/shared';
import { canAccess } from './canAccess';

/** Where the session survives a page reload. sessionStorage only: it dies with the tab. */
export const SESSION_KEY = 'generattivi.session';

/** What login returned: the bearer token and the signed-in user. */
type Session = LoginResponse;

export interface LoginParams {
  email: string;
  password: string;
}

export interface AppAuthProvider extends AuthProvider {
  /** The bearer token of the current session, for the data provider. */
  getToken(): string | undefined;
  /** The signed-in user of the current session (the outbox is theirs). */
  getUser(): LoginResponse['user'] | undefined;
  /** Replaces the session with a new one (the answer of a change of password). */
  setSession(session: LoginResponse): void;
}

type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { accessToken, user } = value as Partial<Session>;
  return (
    typeof accessToken === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.role === 'string'
  );
}

function readSession(storage: SessionStorage): Session | undefined {
  try {
    const stored: unknown = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null');
    return isSession(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Token kept in memory and mirrored in sessionStorage (never localStorage). */
export function createAuthProvider({
  apiUrl = '/api',
  storage = globalThis.sessionStorage,
}: { apiUrl?: string; storage?: SessionStorage } = {}): AppAuthProvider {
  let session = readSession(storage);

  const save = (next: Session | undefined) => {
    session = next;
    if (next) storage.setItem(SESSION_KEY, JSON.stringify(next));
    else storage.removeItem(SESSION_KEY);
  };

  return {
    getToken: () => session?.accessToken,
    getUser: () => session?.user,
    setSession: (next) => save(next),

    async login({ email, password }: LoginParams) {
      try {
        const { json } = await fetchUtils.fetchJson(`${apiUrl}/auth/login`, {
          method: 'POST',
          body: JSON.stringify({ email, password }),
        });
        if (!isSession(json)) throw new Error('ra.notification.http_error');
        save({ accessToken: json.accessToken, user: json.user });
      } catch (error) {
        // Same answer whether the email exists or not: say it in the user's language.
        const badCredentials = error instanceof HttpError && error.status === 401;
        throw badCredentials ? new Error('ra.auth.sign_in_error') : error;
      }
    },

    async logout() {
      const token = session?.accessToken;
      try {
        if (token) {
          await fetchUtils.fetchJson(`${apiUrl}/auth/logout`, {
            method: 'POST',
            headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${token}` }),
          });
        }
      } catch {
        // The token may already be invalid: the local session ends all the same.
      } finally {
        save(undefined);
      }
    },

    async checkAuth() {
      if (!session) throw new Error('ra.auth.auth_check_error');
    },

    async checkError(error: unknown) {
      const status = (error as { status?: unknown } | null)?.status;
      if (status === 401) {
        save(undefined);
        throw new Error('ra.notification.logged_out');
      }
      // 403 and the rest: the caller stays signed in and sees the error.
    },

    async getIdentity(): Promise<UserIdentity> {
      if (!session) throw new Error('ra.auth.auth_check_error');
      return { ...session.user };
    },

    async getPermissions() {
      return session?.user.role;
    },

    async canAccess({ resource, action, record }) {
      return canAccess(session?.user.role, resource, action, record, session?.user.territoryIds);
    },
  };
}
