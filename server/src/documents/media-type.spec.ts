import { detectMediaType } from './media-type';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('detectMediaType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image/png'],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
  ])('recognises %s from its bytes', (_, head, type) => {
    expect(detectMediaType(head)).toBe(type);
  });

  it.each([
    ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0])],
    ['a ZIP', bytes('PK', [3, 4, 20, 0, 0, 0])],
    ['a WAV (RIFF but not WebP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['an HTML page', bytes('<!doctype html><html>')],
    ['text that mentions PDF', bytes(' %PDF-1.7')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e, 0x47])],
    ['a truncated WebP', bytes('RIFF', [0, 0, 0, 0], 'WEB')],
    ['nothing', bytes()],
  ])('refuses %s', (_, head) => {
    expect(detectMediaType(head)).toBeUndefined();
  });
});
