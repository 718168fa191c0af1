import simpleRestProvider from 'ra-data-simple-rest';
import type {
  Beneficiary,
  DocumentKind,
  DocumentOwnerType,
  DigestFrequency,
  DigestPreview,
  DocumentRecord,
  HandOverResult,
  ImportKind,
  ImportRecord,
  MailOutboxRecord,
  NotificationRecord,
  Pact,
  PactTransitionBody,
  PossibleDuplicate,
  ProfileRecord,
  SearchResult,
} from '@generattivi/shared';
import {
  fetchUtils,
  HttpError,
  type DataProvider,
  type GetListParams,
  type GetManyReferenceParams,
  type GetOneParams,
} from 'ra-core';
import { isStaleVersion } from '../common/serverErrors';
import { localizeCode, localizeFieldErrors, type CodedErrorBody } from '../common/serverMessages';
import type {
  CaseloadReport,
  CaseloadTable,
  OutcomesReport,
  ReportName,
  ReportQuery,
} from './reports';

/** `GET /api/audit-events/verify`. */
export interface AuditChainVerification {
  valid: boolean;
  /** Why not valid (a code worded under app.audit.chain_reasons). */
  reason?: string;
  checked: number;
  firstInvalidId?: number;
  /** The last event of an intact chain: noted, it shows later whether events were removed. */
  head?: { id: number; hash: string; at: string };
}

/** The body of `POST /api/pacts/:id/assign`. */
export interface PactAssignBody {
  communityMakerId: number;
  reason?: string;
  version?: number;
}

/** The body of `POST /api/assignments/hand-over`. */
export interface HandOverBody {
  fromUserId: number;
  toUserId: number;
  reason: string;
  pactIds?: number[];
}

/** The fields of `POST /api/documents` besides the file. */
export interface DocumentUpload {
  ownerType: DocumentOwnerType;
  ownerId: number;
  kind: DocumentKind;
  file: File;
}

export interface AppDataProvider extends DataProvider {
  /** `GET /api/audit-events/verify`: recomputes the audit hash chain on the server. */
  verifyAuditChain(): Promise<AuditChainVerification>;
  /** `POST /api/pacts/:id/transitions`: the only way a pact changes status. */
  transitionPact(id: number, body: PactTransitionBody): Promise<Pact>;
  /** `POST /api/pacts/:id/assign`: closes the current assignment and opens a new one. */
  assignPact(id: number, body: PactAssignBody): Promise<Pact>;
  /** `POST /api/assignments/hand-over`: a user's open pacts to a colleague, in one step. */
  handOver(body: HandOverBody): Promise<HandOverResult>;
  /** `POST /api/beneficiaries/:id/anonymise`: forgets the person, for the reason given. */
  anonymiseBeneficiary(id: number, body: { reason: string }): Promise<Beneficiary>;
  /** `POST /api/beneficiaries/possible-duplicates/:id/resolve`: closes the report with a note. */
  resolvePossibleDuplicate(id: number, body: { note: string }): Promise<PossibleDuplicate>;
  /** `POST /api/users/:id/invitation`: mails the user a new link to choose their password. */
  sendInvitation(id: number): Promise<{ expiresAt: string }>;
  /** `POST /api/mail-outbox/:id/retry`: queues again a message that failed. */
  retryMail(id: number): Promise<MailOutboxRecord>;
  /**
   * `POST /api/documents` (multipart): `onProgress` hears the share of the file sent (0..1).
   * A refusal is an HttpError worded like the others.
   */
  uploadDocument(
    upload: DocumentUpload,
    onProgress?: (sent: number) => void,
  ): Promise<DocumentRecord>;
  /** `GET /api/documents/:id/content`: the file's bytes. */
  getDocumentContent(id: number): Promise<Blob>;
  /** `GET /api/pacts/:id/document`: the pact as the PDF to sign. */
  getPactDocument(id: number): Promise<Blob>;
  /** `GET /api/beneficiaries/:id/subject-access`: everything held about a person, as a ZIP. */
  getSubjectAccess(id: number): Promise<{ blob: Blob; fileName: string | undefined }>;
  /**
   * `GET /api/reports/<name>?format=csv`: the report's table as a CSV file for Excel (one of
   * the caseload's two tables alone with `table`).
   */
  getReportCsv(name: ReportName, query: ReportQuery & { table?: CaseloadTable }): Promise<Blob>;
  /** `POST /api/imports` (multipart): queues the import of a spreadsheet, a dry run by default. */
  startImport(upload: { kind: ImportKind; dryRun: boolean; file: File }): Promise<ImportJob>;
  /** `GET /api/imports/:id`: the job, its progress and, once done, its report. */
  getImport(id: number): Promise<ImportJob>;
  /** `GET /api/imports/templates/:kind`: the template to fill in. */
  getImportTemplate(
    kind: ImportKind,
    format: ExportParams['format'],
  ): Promise<{ blob: Blob; fileName: string | undefined }>;
  /** `GET /api/imports/:id/report`: the uploaded file with its «Esito» column. */
  getImportReport(id: number): Promise<{ blob: Blob; fileName: string | undefined }>;
  /** `GET /api/notifications/unread-count`: how many of the caller's notifications are unread. */
  unreadNotifications(): Promise<number>;
  /** `POST /api/notifications/:id/read`. */
  markNotificationRead(id: number): Promise<NotificationRecord>;
  /** `POST /api/notifications/read-all`. */
  markAllNotificationsRead(): Promise<{ count: number }>;
  /** `GET /api/profile`: the caller's own account and digest. */
  getProfile(): Promise<ProfileRecord>;
  /** `PATCH /api/profile`: sets the caller's digest. */
  updateProfile(body: { digestFrequency: DigestFrequency }): Promise<ProfileRecord>;
  /** `GET /api/profile/digest-preview`: what today's digest would say. */
  getDigestPreview(): Promise<DigestPreview>;
  /** `GET /api/search?q=`: pacts, beneficiaries and households found, grouped by kind. */
  search(q: string, signal?: AbortSignal): Promise<SearchResult[]>;
  /**
   * `GET /api/<resource>/export`: the list with its filter and sort as a spreadsheet, and the
   * file name the server gives it (if any).
   */
  exportList(
    resource: string,
    params: ExportParams,
  ): Promise<{ blob: Blob; fileName: string | undefined }>;
}

/** An import job (`GET /api/imports/:id`). */
export type ImportJob = ImportRecord;

/** What an export is asked for: the list's filter and sort, and the file's format. */
export interface ExportParams {
  filter: Record<string, unknown>;
  sort: { field: string; order: string };
  format: 'csv' | 'xlsx';
}

/** `GET /api/eligibility/settings`, read as `getOne('settings', {id: 'eligibility'})`. */
export interface EligibilitySettings {
  id: 'eligibility';
  ruleSetVersion: string;
  iseeThresholdEur: number;
}

/** What `getOne('reports', …)` returns: the report, with its name as id. */
interface ReportRecords {
  outcomes: OutcomesReport & { id: 'outcomes' };
  caseload: CaseloadReport & { id: 'caseload' };
}
export type ReportRecord<N extends ReportName> = ReportRecords[N];

/** The query string of a report: only the parameters that have a value. */
export function reportSearch(query: ReportQuery & { format?: 'csv' } = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

const serverMessage = (body: CodedErrorBody | null | undefined): string =>
  Array.isArray(body?.message)
    ? body.message.join('; ')
    : typeof body?.message === 'string'
      ? body.message
      : '';

/** The field a 409 is about, by its code: the conflict is shown beside that input. */
function conflictField(body: CodedErrorBody | null): string | undefined {
  switch (body?.code) {
    case 'DUPLICATE_FISCAL_CODE':
      return 'fiscalCode';
    case 'DUPLICATE_EMAIL':
      return 'email';
    case 'DUPLICATE_CODE':
      return 'code';
    case 'ALREADY_ASSIGNED':
      return 'communityMakerId';
    case 'OPEN_PACT_EXISTS': {
      const { type } = (body.params ?? {}) as { type?: unknown };
      return type === 'AUTONOMY'
        ? 'beneficiaryId'
        : type === 'INCLUSION'
          ? 'householdId'
          : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Turns an API error into what react-admin shows, in the user's language from the error's
 * code and parameters (the server's English only for a code the admin does not know). A
 * 400's `errors: {field: message}` still lands beside each input; a 409 about a stale
 * version says to reload; a conflict about one field (a duplicate fiscal code, a second
 * open pact) also lands beside that field.
 */
export function toUserError(error: unknown, translate: Translate): unknown {
  if (!(error instanceof HttpError)) return error;
  const received = error.body as CodedErrorBody | null;
  const body =
    received?.errors && typeof received.errors === 'object'
      ? { ...received, errors: localizeFieldErrors(received, translate) }
      : received;
  const detail = localizeCode(received ?? {}, translate, serverMessage(received) || error.message);
  if (error.status === 409) {
    if (isStaleVersion(body)) {
      return new HttpError(translate('app.errors.version_conflict', { detail }), 409, body);
    }
    const field = conflictField(received);
    if (field) {
      return new HttpError(translate('app.errors.field_conflict', { detail }), 409, {
        ...(body ?? {}),
        errors: { [field]: detail },
      });
    }
    return new HttpError(translate('app.errors.conflict', { detail }), 409, body);
  }
  return detail === error.message && body === received
    ? error
    : new HttpError(detail, error.status, body);
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
  const getNamedFile = namedFileReader(apiUrl, getToken, translate);
  const getFile = async (path: string) => (await getNamedFile(path)).blob;
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

  const rest = simpleRestProvider(apiUrl, httpClient);
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const { json } = await httpClient(`${apiUrl}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as T;
  };

  return {
    ...rest,
    /**
     * Reports are read as one record each, so that widgets get react-admin's cache and
     * refresh: `getOne('reports', {id: 'outcomes', meta: {query: {territoryId: 2}}})` is
     * `GET /api/reports/outcomes?territoryId=2`. So are the eligibility settings.
     */
    getOne: async (resource: string, params: GetOneParams) => {
      if (resource === 'settings' && params.id === 'eligibility') {
        const { json } = await httpClient(`${apiUrl}/eligibility/settings`);
        return { data: { ...json, id: 'eligibility' } };
      }
      if (resource !== 'reports') return rest.getOne(resource, params);
      const name = String(params.id);
      const query = (params.meta as { query?: ReportQuery } | undefined)?.query;
      const { json } = await httpClient(
        `${apiUrl}/reports/${encodeURIComponent(name)}${reportSearch(query)}`,
      );
      return { data: { ...json, id: name } };
    },
    /**
     * A person's access register is `GET /api/beneficiaries/:id/access-log` (reads of the
     * person, of their household and of their pacts): `getManyReference('access-log',
     * {target: 'beneficiaryId', id})`.
     */
    /** The possible duplicates are `GET /api/beneficiaries/possible-duplicates`. */
    getList: (resource: string, params: GetListParams) =>
      rest.getList(
        resource === 'possible-duplicates' ? 'beneficiaries/possible-duplicates' : resource,
        params,
      ),
    getManyReference: (resource: string, params: GetManyReferenceParams) => {
      if (resource !== 'access-log' || params.target !== 'beneficiaryId')
        return rest.getManyReference(resource, params);
      const { pagination, sort, filter } = params;
      return rest.getList(`beneficiaries/${encodeURIComponent(String(params.id))}/access-log`, {
        pagination,
        sort,
        filter,
      });
    },
    verifyAuditChain: async () => {
      const { json } = await httpClient(`${apiUrl}/audit-events/verify`);
      return json as AuditChainVerification;
    },
    search: async (q, signal) => {
      const { json } = await httpClient(`${apiUrl}/search?q=${encodeURIComponent(q)}`, {
        signal,
      });
      return json as SearchResult[];
    },
    unreadNotifications: async () => {
      const { json } = await httpClient(`${apiUrl}/notifications/unread-count`);
      return (json as { count: number }).count;
    },
    markNotificationRead: (id) => post<NotificationRecord>(`/notifications/${id}/read`, {}),
    markAllNotificationsRead: () => post<{ count: number }>('/notifications/read-all', {}),
    getProfile: async () => (await httpClient(`${apiUrl}/profile`)).json as ProfileRecord,
    updateProfile: async (body) =>
      (
        await httpClient(`${apiUrl}/profile`, {
          method: 'PATCH',
          body: JSON.stringify(body),
        })
      ).json as ProfileRecord,
    getDigestPreview: async () =>
      (await httpClient(`${apiUrl}/profile/digest-preview`)).json as DigestPreview,
    transitionPact: (id, body) => post<Pact>(`/pacts/${id}/transitions`, body),
    assignPact: (id, body) => post<Pact>(`/pacts/${id}/assign`, body),
    handOver: (body) => post<HandOverResult>('/assignments/hand-over', body),
    anonymiseBeneficiary: (id, body) => post<Beneficiary>(`/beneficiaries/${id}/anonymise`, body),
    resolvePossibleDuplicate: (id, body) =>
      post<PossibleDuplicate>(`/beneficiaries/possible-duplicates/${id}/resolve`, body),
    sendInvitation: (id) => post<{ expiresAt: string }>(`/users/${id}/invitation`, {}),
    retryMail: (id) => post<MailOutboxRecord>(`/mail-outbox/${id}/retry`, {}),
    // XMLHttpRequest, not fetch: only it tells how much of the body has been sent.
    uploadDocument: ({ ownerType, ownerId, kind, file }, onProgress) =>
      new Promise<DocumentRecord>((resolve, reject) => {
        const form = new FormData();
        form.append('ownerType', ownerType);
        form.append('ownerId', String(ownerId));
        form.append('kind', kind);
        form.append('file', file, file.name);
        const request = new XMLHttpRequest();
        request.open('POST', `${apiUrl}/documents`);
        request.setRequestHeader('Accept', 'application/json');
        const token = getToken();
        if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
        request.upload.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
        };
        request.onload = () => {
          let body: unknown = null;
          try {
            body = request.responseText ? JSON.parse(request.responseText) : null;
          } catch {
            body = null;
          }
          if (request.status >= 200 && request.status < 300) {
            resolve(body as DocumentRecord);
            return;
          }
          const received = body as CodedErrorBody | null;
          reject(
            toUserError(
              new HttpError(
                serverMessage(received) || request.statusText,
                request.status,
                received,
              ),
              translate,
            ),
          );
        };
        // No answer at all (offline, or the connection closed on a refused body).
        request.onerror = () =>
          reject(new HttpError(translate('app.documents.upload_failed'), 0, null));
        request.send(form);
      }),
    getDocumentContent: (id) => getFile(`/documents/${id}/content`),
    getPactDocument: (id) => getFile(`/pacts/${id}/document`),
    getSubjectAccess: (id) => getNamedFile(`/beneficiaries/${id}/subject-access`),
    exportList: async (resource, { filter, sort, format }) => {
      const query = new URLSearchParams({
        filter: JSON.stringify(filter),
        sort: JSON.stringify([sort.field, sort.order]),
        format,
      });
      return getNamedFile(`/${resource}/export?${query.toString()}`);
    },
    startImport: async ({ kind, dryRun, file }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('dryRun', String(dryRun));
      form.append('file', file, file.name);
      const { json } = await httpClient(`${apiUrl}/imports`, { method: 'POST', body: form });
      return json as ImportJob;
    },
    getImport: async (id) => (await httpClient(`${apiUrl}/imports/${id}`)).json as ImportJob,
    getImportTemplate: (kind, format) =>
      getNamedFile(`/imports/templates/${kind}?format=${format}`),
    getImportReport: (id) => getNamedFile(`/imports/${id}/report`),
    getReportCsv: (name, query) =>
      getFile(`/reports/${encodeURIComponent(name)}${reportSearch({ ...query, format: 'csv' })}`),
  };
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
export function attachmentName(disposition: string | null): string | undefined {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
}

/**
 * A file the API sends (a download), with the session's token, and the name the server gives
 * it; a refusal worded like the others.
 */
function namedFileReader(apiUrl: string, getToken: () => string | undefined, translate: Translate) {
  return async (path: string): Promise<{ blob: Blob; fileName: string | undefined }> => {
    const token = getToken();
    const response = await fetch(`${apiUrl}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    if (!response.ok) {
      const received = (await response.json().catch(() => null)) as CodedErrorBody | null;
      throw toUserError(
        new HttpError(serverMessage(received) || response.statusText, response.status, received),
        translate,
      );
    }
    const fileName = attachmentName(response.headers.get('content-disposition'));
    return { blob: await response.blob(), fileName };
  };
}
