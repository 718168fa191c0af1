import { jsonInputProblem, MAX_JSON_DEPTH } from './input-limits';

/** `levels` arrays nested inside each other, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('jsonInputProblem', () => {
  it('accepts ordinary input, unicode included', () => {
    expect(jsonInputProblem({ title: 'Città 🌍 עברית', ids: [1, 2], nested: { a: null } })).toBe(
      undefined,
    );
    expect(jsonInputProblem('text')).toBeUndefined();
    expect(jsonInputProblem(undefined)).toBeUndefined();
  });

  it(`allows ${MAX_JSON_DEPTH} levels and refuses one more`, () => {
    expect(jsonInputProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonInputProblem(nested(MAX_JSON_DEPTH + 1))).toEqual({
      path: '',
      problem: `is nested deeper than ${MAX_JSON_DEPTH} levels`,
      code: 'TOO_DEEP',
    });
  });

  it('walks 100,000 levels without recursion', () => {
    const deep: unknown = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(jsonInputProblem(deep)?.problem).toBe(`is nested deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('names where a NUL character is, in a value or a key', () => {
    expect(jsonInputProblem({ title: 'a\u0000b' })).toEqual({
      path: 'title',
      problem: 'must not contain a NUL character (\\u0000)',
      code: 'NUL_CHARACTER',
    });
    expect(jsonInputProblem({ ids: [1, { name: ['x', '\u0000'] }] })?.path).toBe('ids.1.name.1');
    expect(jsonInputProblem({ ok: { ['bad\u0000']: 1 } })).toEqual({
      path: 'ok',
      problem: 'must not have a key with a NUL character (\\u0000)',
      code: 'NUL_CHARACTER',
    });
    expect(jsonInputProblem('\u0000')?.path).toBe('');
  });
});
