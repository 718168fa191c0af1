import { jsonStream, mapAsync } from './json-stream';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function text(value: unknown): Promise<string> {
  let out = '';
  for await (const piece of jsonStream(value)) out += piece;
  return out;
}

describe(jsonStream.name, () => {
  it('writes what JSON.stringify writes for plain values', async () => {
    const value = { a: 1, b: 'è «x»', c: [1, { d: null }], e: { f: true }, g: undefined };
    const written = await text(value);
    expect(JSON.parse(written)).toEqual({ a: 1, b: 'è «x»', c: [1, { d: null }], e: { f: true } });
    expect(written).toBe(
      JSON.stringify({ a: 1, b: 'è «x»', c: [1, { d: null }], e: { f: true } }, null, 2),
    );
  });

  it('writes async iterables as arrays, nested in objects and in each other', async () => {
    const value = {
      empty: from([]),
      pacts: mapAsync(from([1, 2]), (id) => ({ id, notes: from([{ n: id * 10 }]) })),
    };
    expect(JSON.parse(await text(value))).toEqual({
      empty: [],
      pacts: [
        { id: 1, notes: [{ n: 10 }] },
        { id: 2, notes: [{ n: 20 }] },
      ],
    });
  });

  it('reads an iterable only as the text is read', async () => {
    const read: number[] = [];
    async function* counted() {
      for (const n of [1, 2, 3]) {
        read.push(n);
        yield n;
      }
    }
    const pieces = jsonStream({ list: counted() });
    await pieces.next();
    expect(read).toEqual([]);
    await pieces.next();
    await pieces.next();
    expect(read).toEqual([1]);
  });

  it('writes an empty object and a top-level null', async () => {
    await expect(text({})).resolves.toBe('{}');
    await expect(text(null)).resolves.toBe('null');
  });
});
