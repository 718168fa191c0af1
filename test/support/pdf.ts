import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A page as pdf.js reads it: its text (lines end with "\n") and each piece with its height. */
export interface PdfPage {
  text: string;
  /** `y`: the baseline, in points from the bottom of the page. */
  items: Array<{ str: string; y: number }>;
}

/** The pages of a PDF; with `png`, the first page is also rendered to that file. */
export async function pdfPages(pdf: Buffer, png?: string): Promise<PdfPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run(
      process.execPath,
      [join(__dirname, 'pdf-read.mjs'), file, ...(png ? [png] : [])],
      { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
    );
    return (JSON.parse(stdout) as { pages: PdfPage[] }).pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
