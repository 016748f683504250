import { z } from 'zod';

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Parses the environment against a zod schema, collecting every problem before failing, so a bad
 * deployment is told everything that is wrong at once, each problem as `NAME: why`. A blank value
 * counts as unset. zod never copies the value into an issue; only the messages below may, and
 * they do for numbers, switches, choices and names alone (`got`), never for a URL or a secret.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const result = schema.safeParse(withoutBlanks(source));
  if (result.success) return result.data;
  throw new InvalidConfigurationError(
    result.error.issues.map(
      // Every value read is a string: the wrong type can only mean the variable is missing.
      (issue) =>
        `${String(issue.path[0])}: ${issue.code === 'invalid_type' ? 'is required but not set' : issue.message}`,
    ),
  );
}

function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).flatMap(([name, raw]) => (raw?.trim() ? [[name, raw.trim()]] : [])),
  );
}

type Rule<T> = (config: T, ctx: z.RefinementCtx) => void;

/**
 * Adds the rules between variables. They run together, and only once every variable is valid on
 * its own: a rule cannot reason about a value that failed its own check (zod would otherwise run
 * them on a partly valid object).
 */
export function withRules<S extends z.ZodObject>(schema: S, ...rules: Rule<z.output<S>>[]) {
  return schema.superRefine(
    (config, ctx) => {
      for (const rule of rules) rule(config, ctx);
    },
    { when: (payload) => payload.issues.length === 0 },
  );
}

/** A broken rule between variables, reported against the variable the operator should change. */
export function refuse(ctx: z.RefinementCtx, name: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [name], message });
}

/** A message that repeats the value: only for kinds whose values are never secret. */
const got = (rule: string) => (issue: { input?: unknown }) =>
  `${rule}, got "${String(issue.input)}"`;

/** The kinds of variable, each with one message, so every variable of a kind says the same. */
export const env = {
  int: (min: number, max = Number.MAX_SAFE_INTEGER) => {
    const error = got(`must be an integer from ${min} to ${max}`);
    return z
      .string()
      .regex(/^\d+$/, { error })
      .transform(Number)
      .pipe(z.number().min(min, { error }).max(max, { error }));
  },

  bool: () =>
    z.stringbool({
      truthy: ['true'],
      falsy: ['false'],
      case: 'sensitive',
      error: got('must be "true" or "false"'),
    }),

  oneOf: <const T extends readonly [string, ...string[]]>(choices: T) =>
    z.enum(choices, { error: got(`must be one of ${choices.join(', ')}`) }),

  /** A name or a path (never a secret) that `pattern` describes to the operator as `rule`. */
  matching: (pattern: RegExp, rule: string) => z.string().regex(pattern, { error: got(rule) }),

  /** Never the value in the message: a connection URL carries its password. */
  url: (...protocols: [string, ...string[]]) =>
    z
      .url({
        protocol: new RegExp(`^(${protocols.join('|')})$`),
        error: `must be a URL using ${protocols.join(' or ')} (value not shown: it may hold a password)`,
      })
      .transform((url) => url.replace(/\/+$/, '')),

  /** Required, with no default, and long enough to resist guessing. */
  secret: (minLength = 32) =>
    z.string().min(minLength, { error: `must be at least ${minLength} characters` }),
};

/**
 * Ends a process that could not start. A configuration error is the operator's to fix: it is
 * said plainly, without a stack trace; anything else keeps its stack.
 */
export function exitOnBootFailure(error: unknown): never {
  process.stderr.write(
    error instanceof InvalidConfigurationError
      ? `${error.message}\n`
      : `${(error as Error).stack}\n`,
  );
  process.exit(1);
}
