import { HttpError } from 'ra-core';
import { createDataProvider, toUserError } from './dataProvider';
import { i18nProvider, loadWording } from './i18nProvider';
import { fakeFetch, jsonResponse, requestHeaders } from './testing';

const translate = (key: string, options?: Record<string, unknown>) =>
  `${key} ${JSON.stringify(options ?? {})}`;

/** A refusal as the server words it: its status, the status's name, the rest of the body. */
const serverError = <Rest extends { message: string }>(statusCode: 400 | 409, rest: Rest) => ({
  statusCode,
  error: statusCode === 400 ? 'Bad Request' : 'Conflict',
  ...rest,
});

/** A 400 VALIDATION with its field errors: the English text and the code of each field. */
const validationError = (
  fields: Record<string, { message: string; code: string; params?: Record<string, unknown> }>,
) => {
  const entries = Object.entries(fields);
  return serverError(400, {
    code: 'VALIDATION',
    params: {},
    message: entries.map(([field, e]) => `${field}: ${e.message}`).join('; '),
    errors: Object.fromEntries(entries.map(([field, e]) => [field, e.message])),
    fieldErrors: Object.fromEntries(
      entries.map(([field, e]) => [field, { code: e.code, params: e.params ?? {} }]),
    ),
  });
};

/** The error react-admin shows for that refusal, in Italian. */
const onScreen = (body: ReturnType<typeof serverError>) =>
  toUserError(new HttpError(body.message, body.statusCode, body), i18nProvider.translate);

// The whole Italian wording, as the admin has it (the login page has only its own).
beforeAll(() => loadWording());

describe(createDataProvider.name, () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const provider = (token?: string) => createDataProvider({ getToken: () => token, translate });

  it('sends the bearer token and reads the total from Content-Range', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(200, [{ id: 1, name: 'Crema' }], { 'Content-Range': 'territories 0-0/3' }),
    );

    const result = await provider('token-123').getList('territories', {
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'name', order: 'ASC' },
      filter: { code: 'CREMA' },
    });

    expect(result).toEqual({ data: [{ id: 1, name: 'Crema' }], total: 3 });
    const url = new URL(fetch.mock.calls[0][0], 'http://localhost');
    expect(url.pathname).toBe('/api/territories');
    expect(url.searchParams.get('range')).toBe('[0,0]');
    expect(url.searchParams.get('filter')).toBe('{"code":"CREMA"}');
    expect(requestHeaders(fetch).get('Authorization')).toBe('Bearer token-123');
    expect(requestHeaders(fetch).get('Accept')).toBe('application/json');
  });

  it('sends no Authorization header without a session', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { id: 1 }));
    await provider().getOne('pacts', { id: 1 });
    expect(requestHeaders(fetch).has('Authorization')).toBe(false);
  });

  it("keeps a 400's field errors in the body, where react-admin puts them beside the inputs", async () => {
    const body = validationError({
      fiscalCode: {
        message: 'check character does not match',
        code: 'FISCAL_CODE_CHECK_CHARACTER',
      },
      birthDate: { message: 'required', code: 'REQUIRED' },
    });
    fakeFetch(() => jsonResponse(400, body));

    const error = await provider('t')
      .create('beneficiaries', { data: { fiscalCode: 'RSSMRA85T10A562X' } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      message: 'app.error_codes.VALIDATION {"_":"' + body.message + '"}',
      body: {
        errors: {
          fiscalCode:
            'app.error_codes.FISCAL_CODE_CHECK_CHARACTER {"_":"check character does not match"}',
          birthDate: 'app.error_codes.REQUIRED {"_":"required"}',
        },
        fieldErrors: body.fieldErrors,
      },
    });
  });

  it('turns a 409 about a stale version into a version conflict message with the server detail', async () => {
    const body = serverError(409, {
      code: 'VERSION_CONFLICT',
      params: { sent: 3, current: 4 },
      message:
        'version: the record was changed by someone else (you sent version 3, it is now at 4)',
    });
    fakeFetch(() => jsonResponse(409, body));

    const error = await provider('t')
      .update('pacts', { id: 7, data: { title: 'x', version: 3 }, previousData: { id: 7 } })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 409,
      message: `app.errors.version_conflict {"detail":"app.error_codes.VERSION_CONFLICT {\\"sent\\":3,\\"current\\":4,\\"_\\":\\"${body.message}\\"}"}`,
      body,
    });
  });

  it('turns any other 409 into a conflict message that quotes the server', async () => {
    const body = serverError(409, {
      code: 'HOUSEHOLD_HAS_MEMBERS',
      params: { id: 3, members: 2 },
      message: 'households 3 has 2 member beneficiaries',
    });
    expect(onScreen(body)).toMatchObject({
      status: 409,
      message:
        "L'operazione è in conflitto con lo stato attuale del record (Il nucleo familiare n. 3 ha 2 componenti e non si può eliminare.). Ricarica la pagina per vedere i dati aggiornati e riprova.",
    });
  });

  it('puts a 409 about one field beside that field', () => {
    const body = serverError(409, {
      code: 'DUPLICATE_FISCAL_CODE',
      params: { fiscalCode: 'RSSMRA85T10A562S' },
      message: 'fiscalCode: another beneficiary already has the fiscal code RSSMRA85T10A562S',
    });
    const italian = 'Un altro beneficiario ha già il codice fiscale RSSMRA85T10A562S.';
    expect(onScreen(body)).toMatchObject({
      status: 409,
      message: `Impossibile salvare: ${italian}. Correggi il campo indicato e riprova.`,
      body: { code: 'DUPLICATE_FISCAL_CODE', errors: { fiscalCode: italian } },
    });
  });

  it('writes the 409 message in the language on screen', async () => {
    const body = serverError(409, {
      code: 'VERSION_CONFLICT',
      params: { sent: 1, current: 2 },
      message: 'version: the record was changed by someone else',
    });
    const error = onScreen(body);
    expect((error as Error).message).toMatch(/^Conflitto di versione: .*Ricarica la pagina/);
  });

  it('writes a 400 in the language on screen from its codes, field by field', () => {
    const body = validationError({
      title: { message: 'should not be empty', code: 'REQUIRED' },
      municipality: {
        message: 'is not a municipality of Crema',
        code: 'NOT_MUNICIPALITY_OF',
        params: { territory: 'Crema' },
      },
    });
    expect(onScreen(body)).toMatchObject({
      status: 400,
      message: 'Alcuni campi non sono validi: correggili e riprova.',
      body: { errors: { title: 'obbligatorio', municipality: 'non è un comune di Crema' } },
    });
  });

  it('joins a list of messages and passes other errors through', () => {
    const body = {
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: ['AUTONOMY_AGE failed', 'ONE_OPEN_PACT failed'],
    };
    expect(toUserError(new HttpError('x', 422, body), translate)).toMatchObject({
      status: 422,
      message: 'AUTONOMY_AGE failed; ONE_OPEN_PACT failed',
      body,
    });
    const network = new TypeError('Failed to fetch');
    expect(toUserError(network, translate)).toBe(network);
  });

  it('verifies the audit chain', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(200, { valid: false, checked: 12, firstInvalidId: 9 }),
    );
    await expect(provider('t').verifyAuditChain()).resolves.toEqual({
      valid: false,
      checked: 12,
      firstInvalidId: 9,
    });
    expect(fetch.mock.calls[0][0]).toBe('/api/audit-events/verify');
  });

  it('searches with the text encoded, authenticated', async () => {
    const found = [{ resource: 'beneficiaries', id: 3, label: 'Ardigò Nicolò' }];
    const fetch = fakeFetch(() => jsonResponse(200, found));
    await expect(provider('t').search('Nicolò & co')).resolves.toEqual(found);
    expect(fetch.mock.calls[0][0]).toBe('/api/search?q=Nicol%C3%B2%20%26%20co');
    expect(new Headers(fetch.mock.calls[0][1].headers).get('Authorization')).toBe('Bearer t');
  });

  it('sends a transition and an assignment to their action routes', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { id: 7, status: 'SUBMITTED', version: 4 }));
    const dataProvider = provider('t');

    await expect(
      dataProvider.transitionPact(7, { to: 'SUBMITTED', version: 3 }),
    ).resolves.toMatchObject({ status: 'SUBMITTED' });
    await dataProvider.assignPact(7, { communityMakerId: 6, reason: 'vicino a casa', version: 4 });

    expect(
      fetch.mock.calls.map(([url, init]) => [url, init.method, JSON.parse(String(init.body))]),
    ).toEqual([
      ['/api/pacts/7/transitions', 'POST', { to: 'SUBMITTED', version: 3 }],
      ['/api/pacts/7/assign', 'POST', { communityMakerId: 6, reason: 'vicino a casa', version: 4 }],
    ]);
  });

  it('keeps a 422 evaluation in the error body, for the dialog to list rule by rule', async () => {
    const body = {
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'NOT_ELIGIBLE',
      message: 'the pact is not eligible: AUTONOMY_AGE: Age 40 years',
      evaluation: { eligible: false, checks: [{ rule: 'AUTONOMY_AGE', passed: false }] },
    };
    fakeFetch(() => jsonResponse(422, body));
    const error = await provider('t')
      .transitionPact(7, { to: 'ACTIVE', version: 3 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, body: { evaluation: body.evaluation } });
  });

  it('reads a report as one record, with only the query parameters that have a value', async () => {
    const report = { rows: [], generatedAt: '2026-11-25T10:00:00.000Z' };
    const fetch = fakeFetch(() => jsonResponse(200, report));

    const { data } = await provider('t').getOne('reports', {
      id: 'outcomes',
      meta: { query: { territoryId: 2, type: 'AUTONOMY', from: '', to: null } },
    });

    expect(data).toEqual({ ...report, id: 'outcomes' });
    expect(fetch.mock.calls[0][0]).toBe('/api/reports/outcomes?territoryId=2&type=AUTONOMY');
  });

  it('reads the eligibility settings as one record', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(200, { ruleSetVersion: '2026.1', iseeThresholdEur: 12000 }),
    );
    await expect(provider('t').getOne('settings', { id: 'eligibility' })).resolves.toEqual({
      data: { id: 'eligibility', ruleSetVersion: '2026.1', iseeThresholdEur: 12000 },
    });
    expect(fetch.mock.calls[0][0]).toBe('/api/eligibility/settings');
  });

  it('reads other records as simple REST does', async () => {
    const fetch = fakeFetch(() => jsonResponse(200, { id: 3, title: 'x' }));
    await expect(provider('t').getOne('milestones', { id: 3 })).resolves.toEqual({
      data: { id: 3, title: 'x' },
    });
    expect(fetch.mock.calls[0][0]).toBe('/api/milestones/3');
  });

  it('reads a person’s access register from their own route, other references as simple REST does', async () => {
    const fetch = fakeFetch(() =>
      jsonResponse(200, [{ id: 9, entityType: 'pacts', entityId: 4 }], {
        'Content-Range': 'access-log 0-0/12',
      }),
    );
    const page = {
      pagination: { page: 2, perPage: 10 },
      sort: { field: 'at', order: 'DESC' as const },
      filter: {},
    };
    await expect(
      provider('t').getManyReference('access-log', { ...page, target: 'beneficiaryId', id: 5 }),
    ).resolves.toEqual({ data: [{ id: 9, entityType: 'pacts', entityId: 4 }], total: 12 });
    const url = new URL(fetch.mock.calls[0][0], 'http://localhost');
    expect(url.pathname).toBe('/api/beneficiaries/5/access-log');
    expect(url.searchParams.get('range')).toBe('[10,19]');
    expect(url.searchParams.get('sort')).toBe('["at","DESC"]');

    await provider('t').getManyReference('access-log', { ...page, target: 'entityId', id: 5 });
    const other = new URL(fetch.mock.calls[1][0], 'http://localhost');
    expect(other.pathname).toBe('/api/access-log');
    expect(other.searchParams.get('filter')).toBe('{"entityId":5}');
  });

  it('lists the possible duplicates from the beneficiaries’ route and resolves one there', async () => {
    const report = { id: 4, beneficiaryId: 5, resolved: false };
    const fetch = fakeFetch(() =>
      jsonResponse(200, [report], { 'Content-Range': 'possible-duplicates 0-0/1' }),
    );
    await expect(
      provider('t').getList('possible-duplicates', {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'at', order: 'DESC' },
        filter: { resolved: false },
      }),
    ).resolves.toEqual({ data: [report], total: 1 });
    const url = new URL(fetch.mock.calls[0][0], 'http://localhost');
    expect(url.pathname).toBe('/api/beneficiaries/possible-duplicates');
    expect(url.searchParams.get('filter')).toBe('{"resolved":false}');

    await provider('t').resolvePossibleDuplicate(4, { note: 'verificato' });
    expect(fetch.mock.calls[1][0]).toBe('/api/beneficiaries/possible-duplicates/4/resolve');
    expect(fetch.mock.calls[1][1]).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ note: 'verificato' }),
    });
  });
});

describe('uploading a document', () => {
  /** A stand-in for the browser's XMLHttpRequest: it records the request and answers `reply`. */
  class FakeRequest {
    static last: FakeRequest;
    static reply: { status: number; body: string } = { status: 201, body: '{}' };
    method = '';
    url = '';
    headers: Record<string, string> = {};
    body: unknown;
    status = 0;
    statusText = '';
    responseText = '';
    upload: { onprogress?: (event: Partial<ProgressEvent>) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
      FakeRequest.last = this;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(body: unknown) {
      this.body = body;
      this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 });
      this.status = FakeRequest.reply.status;
      this.responseText = FakeRequest.reply.body;
      if (this.status === 0) this.onerror?.();
      else this.onload?.();
    }
  }
  const realRequest = (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  beforeEach(() => {
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeRequest;
  });
  afterEach(() => {
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = realRequest;
  });
  const upload = {
    ownerType: 'pacts' as const,
    ownerId: 5,
    kind: 'SIGNED_PACT' as const,
    file: new File(['%PDF-1.4'], 'patto.pdf', { type: 'application/pdf' }),
  };
  const provider = createDataProvider({
    getToken: () => 'tok',
    translate: i18nProvider.translate,
  });

  it('posts the form with the token and tells how much has been sent', async () => {
    FakeRequest.reply = { status: 201, body: JSON.stringify({ id: 9, fileName: 'patto.pdf' }) };
    const sent: number[] = [];
    await expect(provider.uploadDocument(upload, (share) => sent.push(share))).resolves.toEqual({
      id: 9,
      fileName: 'patto.pdf',
    });
    const request = FakeRequest.last;
    expect([request.method, request.url, request.headers.Authorization]).toEqual([
      'POST',
      '/api/documents',
      'Bearer tok',
    ]);
    const form = request.body as FormData;
    expect([form.get('ownerType'), form.get('ownerId'), form.get('kind')]).toEqual([
      'pacts',
      '5',
      'SIGNED_PACT',
    ]);
    expect((form.get('file') as File).name).toBe('patto.pdf');
    expect(sent).toEqual([0.25, 1]);
  });

  it('words a refusal from its code, in Italian', async () => {
    FakeRequest.reply = {
      status: 415,
      body: JSON.stringify({
        statusCode: 415,
        code: 'DOCUMENT_TYPE_UNSUPPORTED',
        params: { types: 'PDF, JPEG' },
        message: 'Unsupported document type',
      }),
    };
    await expect(provider.uploadDocument(upload)).rejects.toMatchObject({
      status: 415,
      message: 'Tipo di file non accettato: sono ammessi PDF, JPEG.',
    });
  });

  it('says the upload failed when no answer came', async () => {
    FakeRequest.reply = { status: 0, body: '' };
    await expect(provider.uploadDocument(upload)).rejects.toMatchObject({
      status: 0,
      message: 'Caricamento non riuscito: controlla la connessione e riprova.',
    });
  });
});
