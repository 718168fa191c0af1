import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepAbandonedSpools } from './upload';

describe(sweepAbandonedSpools.name, () => {
  let dir: string;
  const HOUR = 60 * 60 * 1000;
  const now = Date.now();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spool-sweep-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A file in `dir` last written `ageMs` ago. */
  const file = async (name: string, ageMs: number) => {
    const path = join(dir, name);
    await writeFile(path, 'x');
    const at = new Date(now - ageMs);
    await utimes(path, at, at);
  };

  it('removes spooled uploads untouched for an hour and keeps newer ones and other files', async () => {
    await file('generattivi-upload-old', HOUR + 1000);
    await file('generattivi-upload-exactly-an-hour', HOUR);
    await file('generattivi-upload-live', HOUR - 1000);
    await file('someone-else-old', 5 * HOUR);

    await expect(sweepAbandonedSpools(dir, HOUR, now)).resolves.toBe(2);
    expect((await readdir(dir)).sort()).toEqual(['generattivi-upload-live', 'someone-else-old']);
  });

  it('leaves a directory of the same prefix alone', async () => {
    await mkdir(join(dir, 'generattivi-upload-dir'));
    await expect(sweepAbandonedSpools(dir, 0, now + HOUR)).resolves.toBe(0);
    expect(await readdir(dir)).toEqual(['generattivi-upload-dir']);
  });
});
