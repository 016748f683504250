import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Validates every body and query against its DTO: unknown fields, wrong types and out-of-range
 * values are refused with one problem listing each field, and nothing reaches the use case.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidFields('The request has invalid fields.', flatten(errors)),
  });
}

/** The one shape of a validation refusal: a 400 whose problem lists each bad field. */
export function invalidFields(
  detail: string,
  errors: { field: string; message: string }[],
): BadRequestException {
  return new BadRequestException({ title: 'Validation Failed', detail, errors });
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
