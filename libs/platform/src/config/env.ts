/** Reads one variable; returns the parsed value or throws a message that says why it is wrong. */
export type EnvReader<T> = (raw: string | undefined) => T;

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Parses `env` against a schema of readers, collecting every problem before failing, so a bad
 * deployment is told everything that is wrong at once, each problem naming its variable.
 */
export function parseEnv<S extends Record<string, EnvReader<unknown>>>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): { [K in keyof S]: ReturnType<S[K]> } {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(schema)) {
    try {
      result[name] = read(blankToUndefined(env[name]));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return result as { [K in keyof S]: ReturnType<S[K]> };
}

function blankToUndefined(raw: string | undefined): string | undefined {
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

function required<T>(parse: (raw: string) => T, fallback?: T): EnvReader<T> {
  return (raw) => {
    if (raw !== undefined) return parse(raw);
    if (fallback !== undefined) return fallback;
    throw new Error('is required but not set');
  };
}

export const env = {
  string: (fallback?: string) => required((raw) => raw, fallback),

  /** A secret: required, with no default, and long enough to resist guessing. */
  secret: (minLength = 32) =>
    required((raw) => {
      if (raw.length < minLength) throw new Error(`must be at least ${minLength} characters`);
      return raw;
    }),

  int: (fallback?: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) =>
    required((raw) => {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`must be an integer from ${min} to ${max}, got "${raw}"`);
      }
      return value;
    }, fallback),

  bool: (fallback?: boolean) =>
    required((raw) => {
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new Error(`must be "true" or "false", got "${raw}"`);
    }, fallback),

  url: (protocols: readonly string[], fallback?: string) =>
    required((raw) => {
      let parsed: URL;
      try {
        parsed = new URL(raw);
      } catch {
        // Never the value itself: a connection URL carries its password.
        throw new Error('must be a URL (the value is not repeated here: it may hold a password)');
      }
      if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
        throw new Error(`must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
      }
      return raw.replace(/\/+$/, '');
    }, fallback),

  /** Any reader, made optional: an unset variable reads as undefined. */
  optional:
    <T>(read: (raw: string) => T): EnvReader<T | undefined> =>
    (raw) =>
      raw === undefined ? undefined : read(raw),

  oneOf: <T extends string>(choices: readonly T[], fallback?: T) =>
    required((raw) => {
      if (!choices.includes(raw as T)) {
        throw new Error(`must be one of ${choices.join(', ')}, got "${raw}"`);
      }
      return raw as T;
    }, fallback),
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
