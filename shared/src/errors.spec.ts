import { ERROR_CODES, isErrorCode } from './errors';

describe('ERROR_CODES', () => {
  it('names each code in upper snake case, its parameters in camel case, none twice', () => {
    for (const [code, params] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      for (const param of params) expect(param).toMatch(/^[a-z][A-Za-z]*$/);
      expect(new Set(params).size).toBe(params.length);
    }
  });

  it('tells a code of the list from any other string', () => {
    expect(isErrorCode('VERSION_CONFLICT')).toBe(true);
    expect(isErrorCode('STALE_VERSION')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});
