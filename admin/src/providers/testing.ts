/** Small fakes for the node tests of the providers. */

export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly items = new Map<string, string>();
  getItem = jest.fn((key: string) => this.items.get(key) ?? null);
  setItem = jest.fn((key: string, value: string) => void this.items.set(key, value));
  removeItem = jest.fn((key: string) => void this.items.delete(key));
}

/** A JSON response as the API sends it. */
export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

/** Replaces the global fetch with a mock answering `respond`; returns the mock to inspect calls. */
export function fakeFetch(respond: (url: string, init: RequestInit) => Response) {
  // react-admin's fetchJson always calls fetch(url, init).
  const mock = jest.fn(async (url: string, init: RequestInit) => respond(url, init));
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

/** The headers of the n-th call to a fake fetch. */
export const requestHeaders = (mock: ReturnType<typeof fakeFetch>, call = 0) =>
  new Headers(mock.mock.calls[call][1].headers);
