/**
 * A JSON document written as it is read: an async iterable becomes an array whose items are
 * written one by one, a plain object is written field by field (its values may be async
 * iterables too), anything else as JSON.stringify writes it. Nothing but the item being
 * written is held in memory.
 */
export async function* jsonStream(value: unknown, indent = ''): AsyncGenerator<string> {
  const inner = `${indent}  `;
  if (isAsyncIterable(value)) {
    let first = true;
    for await (const item of value) {
      yield `${first ? '[\n' : ',\n'}${inner}`;
      yield* jsonStream(item, inner);
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    for (const [i, [key, item]] of entries.entries()) {
      yield `${i === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      yield* jsonStream(item, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  yield JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`) ?? 'null';
}

/** `source`'s items passed through `map`, as they are read. */
export async function* mapAsync<T, R>(
  source: AsyncIterable<T>,
  map: (item: T) => R | Promise<R>,
): AsyncGenerator<R> {
  for await (const item of source) yield await map(item);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
