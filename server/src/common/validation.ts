import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldsError } from './domain-error';

/** Flattens class-validator's tree into `{ "field.sub": "message" }`. */
export function flattenValidationErrors(
  errors: ValidationError[],
  prefix = '',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // "property foo should not exist" → "unknown field"
      const messages = Object.entries(error.constraints).map(([key, msg]) =>
        key === 'whitelistValidation'
          ? 'unknown field'
          : msg.replace(new RegExp(`^${error.property} `), ''),
      );
      out[path] = messages.join(', ');
    }
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

/** The global pipe: unknown fields and wrong types are a 400 naming every field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldsError(flattenValidationErrors(errors)),
  });
}
