import { HttpException } from '@nestjs/common';
import { errorBody, fieldsMessage } from './error-body';

/**
 * An error the API answers on purpose: a status, a stable code and a human message,
 * plus anything the client needs (the allowed transitions, the failing evaluation…).
 */
export class DomainError extends HttpException {
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(errorBody(status, message, { code, ...extra }), status);
  }
}

/** 400 naming every offending field. */
export class FieldsError extends DomainError {
  constructor(errors: Record<string, string>, code = 'VALIDATION') {
    super(400, code, fieldsMessage(errors), { errors });
  }
}

export class NotFoundError extends DomainError {
  constructor(resource: string, id: number | string) {
    super(404, 'NOT_FOUND', `${resource} ${id} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(409, code, message, extra);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, code = 'FORBIDDEN') {
    super(403, code, message);
  }
}
