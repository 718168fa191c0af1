import type { FastifyRequest } from 'fastify';
import { fromForeignOrigin } from './cors';

describe('fromForeignOrigin', () => {
  const request = (origin?: string) =>
    ({
      headers: origin ? { origin } : {},
      protocol: 'http',
      host: 'localhost:3000',
    }) as FastifyRequest;

  it('is true only for an Origin other than the server’s own', () => {
    expect(fromForeignOrigin(request('http://localhost:5173'))).toBe(true);
    expect(fromForeignOrigin(request('https://localhost:3000'))).toBe(true);
    expect(fromForeignOrigin(request('http://localhost:3000'))).toBe(false);
    expect(fromForeignOrigin(request())).toBe(false);
  });
});
