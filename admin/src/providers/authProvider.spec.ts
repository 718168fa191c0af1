import type { LoginResponse } from '@generattivi/shared';
import { HttpError } from 'ra-core';
import { createAuthProvider, SESSION_KEY } from './authProvider';
import { fakeFetch, jsonResponse, MemoryStorage, requestHeaders } from './testing';

const maker: LoginResponse = {
  accessToken: 'token-123',
  user: {
    id: 6,
    email: 'maker.crema@demo.generattivi.it',
    fullName: 'Marta Maker',
    role: 'COMMUNITY_MAKER',
    territoryIds: [1],
    mustChangePassword: false,
  },
};

describe(createAuthProvider.name, () => {
  const realFetch = globalThis.fetch;
  let sessionStorage: MemoryStorage;
  let localStorage: MemoryStorage;

  beforeEach(() => {
    sessionStorage = new MemoryStorage();
    localStorage = new MemoryStorage();
    Object.assign(globalThis, { sessionStorage, localStorage });
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    Reflect.deleteProperty(globalThis, 'sessionStorage');
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('logs in by email and keeps the token in memory and sessionStorage, never localStorage', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, maker));
    const auth = createAuthProvider();

    await auth.login({ email: maker.user.email, password: 'demo-password' });

    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({
      email: maker.user.email,
      password: 'demo-password',
    });
    expect(auth.getToken()).toBe('token-123');
    expect(JSON.parse(sessionStorage.items.get(SESSION_KEY) ?? 'null')).toEqual(maker);
    expect(localStorage.setItem).not.toHaveBeenCalled();
    expect(localStorage.getItem).not.toHaveBeenCalled();
  });

  it('restores the session from sessionStorage after a reload', async () => {
    sessionStorage.items.set(SESSION_KEY, JSON.stringify(maker));
    const auth = createAuthProvider();

    await expect(auth.checkAuth({})).resolves.toBeUndefined();
    expect(auth.getToken()).toBe('token-123');
    await expect(auth.getIdentity?.()).resolves.toMatchObject({ id: 6, fullName: 'Marta Maker' });
    await expect(auth.getPermissions?.({})).resolves.toBe('COMMUNITY_MAKER');
  });

  it('ignores a malformed stored session', async () => {
    sessionStorage.items.set(SESSION_KEY, '{not json');
    const auth = createAuthProvider();

    await expect(auth.checkAuth({})).rejects.toThrow();
    expect(auth.getToken()).toBeUndefined();
  });

  it('turns a 401 on login into the translated sign-in error', async () => {
    fakeFetch(() =>
      jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' }),
    );
    const auth = createAuthProvider();

    await expect(auth.login({ email: 'x@example.it', password: 'wrong-password' })).rejects.toThrow(
      'ra.auth.sign_in_error',
    );
    expect(sessionStorage.setItem).not.toHaveBeenCalled();
    await expect(auth.checkAuth({})).rejects.toThrow();
  });

  it('logs out on the server with the token, then forgets the session', async () => {
    sessionStorage.items.set(SESSION_KEY, JSON.stringify(maker));
    const fetch = fakeFetch(() => new Response(null, { status: 204 }));
    const auth = createAuthProvider();

    await auth.logout({});

    expect(fetch.mock.calls[0][0]).toBe('/api/auth/logout');
    expect(fetch.mock.calls[0][1].method).toBe('POST');
    expect(requestHeaders(fetch).get('Authorization')).toBe('Bearer token-123');
    expect(sessionStorage.items.has(SESSION_KEY)).toBe(false);
    expect(auth.getToken()).toBeUndefined();
  });

  it('forgets the session even when the server refuses the logout', async () => {
    sessionStorage.items.set(SESSION_KEY, JSON.stringify(maker));
    fakeFetch(() =>
      jsonResponse(401, { statusCode: 401, error: 'Unauthorized', message: 'Token expired' }),
    );
    const auth = createAuthProvider();

    await expect(auth.logout({})).resolves.toBeUndefined();
    expect(sessionStorage.items.has(SESSION_KEY)).toBe(false);
  });

  it('does not call the server to log out without a session', async () => {
    const fetch = fakeFetch(() => new Response(null, { status: 204 }));
    await createAuthProvider().logout({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('logs out on a 401 from the API, not on a 403', async () => {
    sessionStorage.items.set(SESSION_KEY, JSON.stringify(maker));
    const auth = createAuthProvider();

    await expect(auth.checkError(new HttpError('Forbidden', 403))).resolves.toBeUndefined();
    expect(auth.getToken()).toBe('token-123');

    await expect(auth.checkError(new HttpError('Unauthorized', 401))).rejects.toThrow();
    expect(auth.getToken()).toBeUndefined();
    expect(sessionStorage.items.has(SESSION_KEY)).toBe(false);
  });

  it('answers canAccess from the role of the signed-in user', async () => {
    sessionStorage.items.set(SESSION_KEY, JSON.stringify(maker));
    const auth = createAuthProvider();

    await expect(auth.canAccess?.({ resource: 'milestones', action: 'create' })).resolves.toBe(
      true,
    );
    await expect(auth.canAccess?.({ resource: 'users', action: 'list' })).resolves.toBe(false);
    await auth.logout({}).catch(() => undefined);
    await expect(auth.canAccess?.({ resource: 'pacts', action: 'list' })).resolves.toBe(false);
  });
});
