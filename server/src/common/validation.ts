import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * Leaves path parameters as the text that was sent: the route's own pipe reads them
 * (`IdPipe`); the stock conversion (`+value`) would turn `0x10`, `1e3` and ` 1` into ids.
 */
class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}

/** The global pipe: unknown fields and wrong types are a 400 naming every field. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldsError(flattenValidationErrors(errors)),
  });
}
