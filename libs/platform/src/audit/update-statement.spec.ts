import { whereConditionOf } from './update-statement';

describe('whereConditionOf', () => {
  it('takes the condition of the UPDATE TypeORM writes for manager.update(), renumbered', () => {
    const update =
      'UPDATE "orders" SET "status" = $1, "tracking_number" = $2, ' +
      '"updated_at" = CURRENT_TIMESTAMP WHERE "uuid" = $3';
    expect(whereConditionOf(update, ['fulfilled', 'TRK-1', 'order-1'])).toEqual({
      sql: '"uuid" = $1',
      parameters: ['order-1'],
    });
  });

  it('stops before RETURNING and keeps every parameter of the condition, in order', () => {
    const update =
      'UPDATE "orders" SET "status" = $1 WHERE "uuid" IN ($3, $2) AND "status" = $4 ' +
      'RETURNING "updated_at"';
    expect(whereConditionOf(update, ['cancelled', 'b', 'a', 'pending'])).toEqual({
      sql: '"uuid" IN ($1, $2) AND "status" = $3',
      parameters: ['a', 'b', 'pending'],
    });
  });

  it('reuses a placeholder that appears twice', () => {
    expect(whereConditionOf('UPDATE "t" SET "a" = $1 WHERE "b" = $2 OR "c" = $2', [1, 2])).toEqual({
      sql: '"b" = $1 OR "c" = $1',
      parameters: [2],
    });
  });

  it('ignores WHERE, RETURNING and $n inside quotes and parentheses', () => {
    const update =
      `UPDATE "t" SET "note" = 'x WHERE $9', "n" = (SELECT max("n") FROM "u" WHERE "u"."k" = $1) ` +
      `WHERE "label" = 'it''s $2 RETURNING' AND "where" = $2`;
    expect(whereConditionOf(update, ['k', 'w'])).toEqual({
      sql: `"label" = 'it''s $2 RETURNING' AND "where" = $1`,
      parameters: ['w'],
    });
  });

  it('answers null for an UPDATE of every row', () => {
    expect(whereConditionOf('UPDATE "t" SET "a" = $1', [1])).toBeNull();
  });

  it('refuses a placeholder with no parameter', () => {
    expect(() => whereConditionOf('UPDATE "t" SET "a" = $1 WHERE "b" = $2', [1])).toThrow(
      'uses $2 but has 1 parameters',
    );
  });
});
