import { HttpException } from '@nestjs/common';
import type { ErrorCode, ErrorParams, FieldError, ParamlessErrorCode } from '@generattivi/shared';
import { errorBody, fieldsMessage, fieldsOf } from './error-body';

/**
 * An error the API answers on purpose: a status, a code of shared's closed list with its
 * parameters, an English message, plus anything the client needs (the allowed transitions,
 * the failing evaluation…).
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends HttpException {
  constructor(
    status: number,
    code: C,
    params: ErrorParams<C>,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(errorBody(status, code, params, message, extra), status);
  }
}

/** 400 (or another status) naming every offending field, each with its own code. */
export class FieldsError extends DomainError {
  constructor(
    errors: Record<string, FieldError>,
    code: ParamlessErrorCode = 'VALIDATION',
    status = 400,
    extra: Record<string, unknown> = {},
  ) {
    super(status, code, {}, fieldsMessage(errors), { ...fieldsOf(errors), ...extra });
  }
}

export class NotFoundError extends DomainError<'NOT_FOUND'> {
  constructor(resource: string, id: number | string) {
    super(404, 'NOT_FOUND', { resource, id }, `${resource} ${id} not found`);
  }
}

export class ConflictError<C extends ErrorCode = ErrorCode> extends DomainError<C> {
  constructor(
    code: C,
    params: ErrorParams<C>,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(409, code, params, message, extra);
  }
}

export class ForbiddenError<C extends ErrorCode = ErrorCode> extends DomainError<C> {
  constructor(code: C, params: ErrorParams<C>, message: string) {
    super(403, code, params, message);
  }
}
