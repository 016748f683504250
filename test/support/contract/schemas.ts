import fc from 'fast-check';

/** The part of OpenAPI 3 JSON Schema the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
}

export type Components = Record<string, Schema>;

export function resolve(schema: Schema, components: Components): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0], components);
  return schema;
}

/**
 * Values the schema accepts, leaning on its enum and example (a US state, a product id) so that
 * valid requests often reach the use case instead of stopping at validation.
 */
export function valid(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.enum) return fc.constantFrom(...s.enum);
  const fromExample = (arbitrary: fc.Arbitrary<unknown>) =>
    s.example === undefined ? arbitrary : fc.oneof(fc.constant(s.example), arbitrary);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      return fromExample(
        fc.string({
          unit: 'grapheme',
          minLength: s.minLength ?? 0,
          maxLength: Math.min(s.maxLength ?? 40, 60),
        }),
      );
    case 'integer':
      return fromExample(fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 }));
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(s.items ?? {}, components, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object':
    case undefined: {
      if (!s.properties || depth > 4) return fc.constant({});
      const required = new Set(s.required ?? []);
      const shape = Object.fromEntries(
        Object.entries(s.properties).map(([key, property]) => [
          key,
          valid(property, components, depth + 1),
        ]),
      );
      return fc.record(shape, {
        requiredKeys: Object.keys(shape).filter((key) => required.has(key)),
      }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.constant(null);
  }
}

/** Values chosen to break things: wrong types, edges, control characters, deep nesting. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u001b[31m',
    ' ',
    '0',
    -1,
    0,
    1.5,
    2 ** 31,
    -(2 ** 63),
    Number.MAX_SAFE_INTEGER,
    true,
    [],
    {},
    'x'.repeat(10_000),
    "' or 1=1 --",
    '../../etc/passwd',
    '{"$gt": ""}',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid value with one thing wrong: a field missing, replaced, or added. */
export function mutated(schema: Schema, components: Components): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid(schema, components), fc.nat(), hostile, fc.constantFrom('drop', 'replace', 'add'))
    .map(([value, pick, bad, how]) => mutate(value, pick, bad, how));
}

function mutate(value: unknown, pick: number, bad: unknown, how: string): unknown {
  if (typeof value !== 'object' || value === null) return bad;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? { ...value }
    : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (how === 'add' || keys.length === 0) {
    copy[`unexpected${pick % 3}`] = bad;
  } else {
    const key = keys[pick % keys.length];
    if (how === 'drop') delete copy[key];
    else if (typeof copy[key] === 'object' && copy[key] !== null && pick % 2 === 0) {
      copy[key] = mutate(copy[key], Math.floor(pick / 2), bad, how);
    } else copy[key] = bad;
  }
  return Array.isArray(value) ? Object.values(copy) : copy;
}

/** Whether `value` has the shape the schema promises (types, required members; enums). */
export function conforms(value: unknown, schema: Schema, components: Components): string[] {
  const s = resolve(schema, components);
  if (value === null) return s.nullable || s.type === undefined ? [] : ['null where not nullable'];
  if (s.enum && !s.enum.includes(value)) return [`${JSON.stringify(value)} not in enum`];
  switch (s.type) {
    case 'string':
      return typeof value === 'string' || value instanceof Date
        ? []
        : [`${typeof value} for string`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${JSON.stringify(value)} for integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${typeof value} for number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${typeof value} for boolean`];
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item) => conforms(item, s.items ?? {}, components))
        : ['not an array'];
    default: {
      if (!s.properties) return [];
      if (typeof value !== 'object') return [`${typeof value} for object`];
      const object = value as Record<string, unknown>;
      return [
        ...(s.required ?? []).filter((key) => !(key in object)).map((key) => `missing ${key}`),
        ...Object.entries(s.properties)
          .filter(([key]) => object[key] !== undefined)
          .flatMap(([key, property]) =>
            conforms(object[key], property, components).map((problem) => `${key}: ${problem}`),
          ),
      ];
    }
  }
}
