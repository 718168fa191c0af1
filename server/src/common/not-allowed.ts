import { HttpException, HttpStatus } from '@nestjs/common';
import { errorBody } from './error-body';

/** 405 for editing or deleting what is append-only (API.md). */
export class MethodNotAllowedError extends HttpException {
  constructor(message: string) {
    super(errorBody(405, 'APPEND_ONLY', {}, message), HttpStatus.METHOD_NOT_ALLOWED);
  }
}
