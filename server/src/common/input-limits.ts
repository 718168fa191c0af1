import type { FastifyInstance } from 'fastify';
import { FieldsError } from './domain-error';
import { fieldError } from './error-body';

/**
 * Bounds every request's decoded input before any route sees it: class-transformer and
 * class-validator recurse into bodies (2,000 levels overflow the stack), and PostgreSQL refuses
 * a NUL character in text. One check, iterative, for bodies, query strings, path parameters
 * and the JSON inside `filter` / `sort` / `range` (list-query.ts).
 */
export const MAX_JSON_DEPTH = 32;

const NUL = '\u0000';

export interface InputProblem {
  /** Where, as `a.0.b` inside the value; '' for the value as a whole. */
  path: string;
  problem: string;
  /** The problem as a code of shared's list. */
  code: 'NUL_CHARACTER' | 'TOO_DEEP';
}

/** What is wrong with a decoded JSON value (too deep, a NUL character), or undefined. */
export function jsonInputProblem(
  value: unknown,
  maxDepth = MAX_JSON_DEPTH,
): InputProblem | undefined {
  // An explicit stack, never recursion: 10,000 levels must cost nothing but a loop.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value, path: '', depth: 0 },
  ];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path, depth } = item;
    if (typeof v === 'string') {
      if (v.includes(NUL))
        return {
          path,
          problem: 'must not contain a NUL character (\\u0000)',
          code: 'NUL_CHARACTER',
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth)
      return { path: '', problem: `is nested deeper than ${maxDepth} levels`, code: 'TOO_DEEP' };
    const entries: Array<[string, unknown]> = Array.isArray(v)
      ? v.map((child, index) => [String(index), child])
      : Object.entries(v);
    for (const [key, child] of entries) {
      if (key.includes(NUL)) {
        return {
          path,
          problem: 'must not have a key with a NUL character (\\u0000)',
          code: 'NUL_CHARACTER',
        };
      }
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The field key of a problem: its path, or `whole` for the value as a whole. */
const keyOf = ({ path }: InputProblem, whole: string) => path || whole;

/**
 * Rejects, before validation, a body nested deeper than `MAX_JSON_DEPTH` and a NUL character
 * anywhere in the body, the query string or the path parameters: a 400 naming where.
 */
export function registerInputLimits(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const inPath = jsonInputProblem(request.params);
    const inQuery = jsonInputProblem(request.query);
    const inBody = request.body === undefined ? undefined : jsonInputProblem(request.body);
    const [problem, whole] = inPath
      ? [inPath, 'path']
      : inQuery
        ? [inQuery, 'query']
        : [inBody, 'body'];
    if (problem) {
      const error =
        problem.code === 'TOO_DEEP'
          ? fieldError('TOO_DEEP', { max: MAX_JSON_DEPTH }, problem.problem)
          : fieldError('NUL_CHARACTER', {}, problem.problem);
      throw new FieldsError({ [keyOf(problem, whole)]: error });
    }
  });
}
