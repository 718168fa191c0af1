import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditAnchor } from './audit-anchor';
import { deriveAuditKey } from './audit-keys';

describe(AuditAnchor.name, () => {
  let dir: string;
  let path: string;
  const key = deriveAuditKey('anchor-test-key-that-is-long-enough', 'anchor');
  const head = (id: number) => ({
    id,
    hash: String(id % 10).repeat(64),
    at: `2026-0${id}-01T00:00:00.000Z`,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'generattivi-anchor-'));
    path = join(dir, 'sub', 'audit.anchor');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends signed lines to a file only its owner reads, and reads them back', async () => {
    const anchor = new AuditAnchor(path, key);
    await expect(anchor.read()).resolves.toEqual({ heads: [] });
    await anchor.append(head(1));
    await anchor.append(head(2));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(anchor.read()).resolves.toEqual({ heads: [head(1), head(2)] });
  });

  it('records a head once, and never one older than the last', async () => {
    const anchor = new AuditAnchor(path, key);
    await anchor.record(head(2));
    await anchor.record(head(2));
    await anchor.record(head(1));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('names the first line edited by hand, or signed with another key', async () => {
    const anchor = new AuditAnchor(path, key);
    await anchor.append(head(1));
    await anchor.append(head(2));
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(head(2).hash, 'f'.repeat(64)));
    await expect(anchor.read()).resolves.toEqual({ heads: [head(1)], alteredLine: 2 });
    writeFileSync(path, text + 'not json\n');
    await expect(anchor.read()).resolves.toMatchObject({ alteredLine: 3 });
    const other = new AuditAnchor(
      path,
      deriveAuditKey('another-key-that-is-long-enough!!', 'anchor'),
    );
    await expect(other.read()).resolves.toEqual({ heads: [], alteredLine: 1 });
  });
});
