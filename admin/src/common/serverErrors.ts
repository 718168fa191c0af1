import type { EligibilityEvaluation, PactStatus } from '@generattivi/shared';

/** What the API's error body may carry (API.md "Errors"). */
export interface ServerErrorBody {
  statusCode?: number;
  message?: unknown;
  code?: unknown;
  errors?: Record<string, string>;
  allowed?: PactStatus[];
  evaluation?: EligibilityEvaluation;
}

/** Why the server refused a request, sorted into what the screen shows differently. */
export type ServerRefusal =
  /** 409: someone changed the record since it was read: reload, then retry. */
  | { kind: 'version'; message: string }
  /** 409: the pact's status no longer allows this transition. */
  | { kind: 'transition'; message: string; allowed: PactStatus[] }
  /** 422: submission or approval refused by the eligibility rules. */
  | { kind: 'eligibility'; message: string; evaluation: EligibilityEvaluation }
  /** 422: approval refused because no signed pact is attached to the pact. */
  | { kind: 'signedPact'; message: string }
  /** 422: approval refused for what the pact still lacks. */
  | { kind: 'approval'; message: string; errors: Record<string, string> }
  /** 400: field by field. */
  | { kind: 'fields'; message: string; errors: Record<string, string> }
  | { kind: 'other'; status?: number; message: string };

/** True for a 409 body about a stale `version` (optimistic locking). */
export function isStaleVersion(body: { code?: unknown } | null | undefined): boolean {
  return body?.code === 'VERSION_CONFLICT';
}

/**
 * True for an approval refused because the pact has no signed pact attached (the server's
 * code names it: SIGNED_PACT_MISSING, or any other code starting with SIGNED_PACT).
 */
export function isSignedPactRefusal(body: { code?: unknown } | null | undefined): boolean {
  return typeof body?.code === 'string' && body.code.startsWith('SIGNED_PACT');
}

const text = (value: unknown): string =>
  Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : '';

/** Sorts an error thrown by the data provider (an HttpError with the API body). */
export function describeServerError(error: unknown): ServerRefusal {
  const { status, body, message } = (error ?? {}) as {
    status?: number;
    body?: ServerErrorBody | null;
    message?: string;
  };
  const detail = message || text(body?.message);
  if (status === 409 && isStaleVersion(body)) return { kind: 'version', message: detail };
  if (status === 409 && Array.isArray(body?.allowed)) {
    return { kind: 'transition', message: detail, allowed: body.allowed };
  }
  if (status === 422 && body?.evaluation?.checks) {
    return { kind: 'eligibility', message: detail, evaluation: body.evaluation };
  }
  if (status === 422 && isSignedPactRefusal(body)) return { kind: 'signedPact', message: detail };
  if (status === 422 && body?.errors) {
    return { kind: 'approval', message: detail, errors: body.errors };
  }
  if (status === 400 && body?.errors && Object.keys(body.errors).length > 0) {
    return { kind: 'fields', message: detail, errors: body.errors };
  }
  return { kind: 'other', status, message: detail || String(error) };
}
