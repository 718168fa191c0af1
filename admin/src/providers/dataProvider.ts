import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, type DataProvider } from 'ra-core';

/** `GET /api/audit-events/verify`. */
export interface AuditChainVerification {
  valid: boolean;
  checked: number;
  firstInvalidId?: number;
}

export interface AppDataProvider extends DataProvider {
  /** `GET /api/audit-events/verify`: recomputes the audit hash chain on the server. */
  verifyAuditChain(): Promise<AuditChainVerification>;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface ErrorBody {
  message?: unknown;
  code?: unknown;
}

const serverMessage = (body: ErrorBody | null | undefined): string =>
  Array.isArray(body?.message)
    ? body.message.join('; ')
    : typeof body?.message === 'string'
      ? body.message
      : '';

/**
 * Turns an API error into what react-admin shows. The body is kept as is, so a 400's
 * `errors: {field: message}` still lands beside each input; a 409 becomes a sentence in the
 * user's language that says what happened and to reload.
 */
export function toUserError(error: unknown, translate: Translate): unknown {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as ErrorBody | null;
  const detail = serverMessage(body) || error.message;
  if (error.status === 409) {
    const stale = /version/i.test(`${String(body?.code ?? '')} ${detail}`);
    const key = stale ? 'app.errors.version_conflict' : 'app.errors.conflict';
    return new HttpError(translate(key, { detail }), error.status, error.body);
  }
  return detail === error.message ? error : new HttpError(detail, error.status, error.body);
}

/** ra-data-simple-rest on `/api`, with the bearer token and the API's error bodies. */
export function createDataProvider({
  apiUrl = '/api',
  getToken,
  translate,
}: {
  apiUrl?: string;
  getToken: () => string | undefined;
  translate: Translate;
}): AppDataProvider {
  const httpClient = async (url: string, options: fetchUtils.Options = {}) => {
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    try {
      return await fetchUtils.fetchJson(url, { ...options, headers });
    } catch (error) {
      throw toUserError(error, translate);
    }
  };

  return {
    ...simpleRestProvider(apiUrl, httpClient),
    verifyAuditChain: async () => {
      const { json } = await httpClient(`${apiUrl}/audit-events/verify`);
      return json as AuditChainVerification;
    },
  };
}
