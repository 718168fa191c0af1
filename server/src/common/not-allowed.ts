import { HttpException, HttpStatus } from '@nestjs/common';
import { errorBody } from './error-body';

/** 405 for editing or deleting what is append-only (API.md). */
export class MethodNotAllowedError extends HttpException {
  constructor(message: string) {
    super(errorBody(405, message, { code: 'APPEND_ONLY' }), HttpStatus.METHOD_NOT_ALLOWED);
  }
}
