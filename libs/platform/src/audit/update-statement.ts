/** A piece of SQL that can run on its own: its placeholders are numbered $1..$n. */
export interface SqlFragment {
  readonly sql: string;
  readonly parameters: unknown[];
}

/**
 * The WHERE condition of an UPDATE statement as TypeORM writes it for PostgreSQL
 * (`UPDATE "t" SET ... WHERE ... [RETURNING ...]`), with its placeholders renumbered so it can be
 * reused in a SELECT. Null when the statement has no WHERE (it updates every row).
 *
 * Keywords count only outside quotes and parentheses, so a subquery or a string that contains
 * WHERE does not fool it.
 */
export function whereConditionOf(
  update: string,
  parameters: readonly unknown[],
): SqlFragment | null {
  const where = findKeyword(update, 'WHERE', 0);
  if (where < 0) return null;
  const start = where + 'WHERE'.length;
  const returning = findKeyword(update, 'RETURNING', start);
  const condition = update.slice(start, returning < 0 ? update.length : returning).trim();

  const renumbered = new Map<number, number>();
  const used: unknown[] = [];
  const sql = mapOutsideQuotes(condition, (text) =>
    text.replace(/\$(\d+)/g, (_, digits: string) => {
      const original = Number(digits);
      if (original < 1 || original > parameters.length) {
        throw new Error(`The statement uses $${original} but has ${parameters.length} parameters`);
      }
      if (!renumbered.has(original)) {
        used.push(parameters[original - 1]);
        renumbered.set(original, used.length);
      }
      return `$${renumbered.get(original)}`;
    }),
  );
  return { sql, parameters: used };
}

/** Index of `keyword` as a whole word at depth 0 outside quotes, from `from`; -1 if absent. */
function findKeyword(sql: string, keyword: string, from: number): number {
  let depth = 0;
  for (let i = from; i < sql.length; i++) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      i = closingQuote(sql, i);
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
    } else if (
      depth === 0 &&
      sql.slice(i, i + keyword.length).toUpperCase() === keyword &&
      !isWordChar(sql[i - 1]) &&
      !isWordChar(sql[i + keyword.length])
    ) {
      return i;
    }
  }
  return -1;
}

/** Applies `map` to the stretches of `sql` outside quoted strings and identifiers. */
function mapOutsideQuotes(sql: string, map: (text: string) => string): string {
  let result = '';
  let plainStart = 0;
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'" && sql[i] !== '"') continue;
    const end = closingQuote(sql, i);
    result += map(sql.slice(plainStart, i)) + sql.slice(i, end + 1);
    plainStart = end + 1;
    i = end;
  }
  return result + map(sql.slice(plainStart));
}

/** Index of the quote closing the one at `open`; a doubled quote is an escaped one. */
function closingQuote(sql: string, open: number): number {
  const quote = sql[open];
  for (let i = open + 1; i < sql.length; i++) {
    if (sql[i] !== quote) continue;
    if (sql[i + 1] === quote) i++;
    else return i;
  }
  throw new Error(`Unterminated ${quote} in SQL: ${sql}`);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$]/.test(char);
}
