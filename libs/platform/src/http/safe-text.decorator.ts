import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, ValidateBy } from 'class-validator';

/** Control characters (C0, DEL, C1); NUL among them, which PostgreSQL cannot store in text. */
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface SafeTextOptions {
  /** Shortest accepted length (default 1). */
  readonly min?: number;
  /** Longest accepted length: every string the API takes has one. */
  readonly max: number;
  /** Allows tabs and line breaks (free text such as a rejection reason); other controls stay refused. */
  readonly multiline?: boolean;
}

/**
 * The one way a DTO takes a string: a string of bounded length, well-formed Unicode, and free of
 * control characters. A NUL or a lone surrogate would otherwise reach PostgreSQL and fail there.
 * Also documents the bounds in the OpenAPI schema, so the contract and the check cannot drift.
 */
export function SafeText({ min = 1, max, multiline = false }: SafeTextOptions): PropertyDecorator {
  const forbidden = multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL;
  return applyDecorators(
    ApiProperty({ minLength: min, maxLength: max }),
    IsString(),
    Length(min, max),
    ValidateBy({
      name: 'safeText',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && !LONE_SURROGATE.test(value) && !forbidden.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} must not contain control characters or malformed Unicode`,
      },
    }),
  );
}
