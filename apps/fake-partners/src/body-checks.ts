// Each check appends to `problems` rather than throwing, so one 400 lists everything wrong.

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkString(value: unknown, path: string, problems: string[]): void {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${path} must be a non-empty string`);
  }
}

export function checkInteger(
  value: unknown,
  path: string,
  range: { min: number; max: number },
  problems: string[],
): void {
  if (!Number.isInteger(value) || (value as number) < range.min || (value as number) > range.max) {
    problems.push(`${path} must be an integer from ${range.min} to ${range.max}`);
  }
}
