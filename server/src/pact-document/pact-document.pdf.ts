import type { Readable } from 'node:stream';
import { pdfkit } from '../common/on-first-use';
import type { LabelledLine, PactDocumentContent } from './pact-document.content';

/**
 * The printed pact: A4, PDF's standard Helvetica (its WinAnsi encoding covers Italian: accents,
 * apostrophes, «», €), drawn from the content model. The drawing gives the event loop back
 * between sections and every few milestones; the pages are kept until the end so that each
 * footer can say "Pagina 1 di N", then written to the stream.
 */

const MARGIN = 56;
/** Room under the text for the footer: text never reaches it. */
const BOTTOM = 78;
const FOOTER_FROM_BOTTOM = 48;
const BODY = 10.5;
const SMALL = 8.5;
const GREY = '#555555';
const RULE = '#999999';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** The characters WinAnsi adds to Latin-1 (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters with no decomposition to a base letter. */
const FALLBACK: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss' };

function encodable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    ch === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(ch)
  );
}

/**
 * Text the standard font can draw: line breaks normalised, control characters dropped, a
 * letter outside WinAnsi written as its base letter (ș → s), anything else as "?".
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').normalize('NFC')) {
    if (encodable(ch)) {
      out += ch;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(encodable) ? base : (FALLBACK[ch] ?? '?');
  }
  return out;
}

/** Gives the event loop back to other requests between pieces of a drawing. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Draws text on A4 pages: headings kept with what follows, labelled lines, footers. */
export class Writer {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - BOTTOM;
  }

  /** A new page unless `height` fits below the cursor. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  text(text: string, options: { font?: string; size?: number; color?: string; gap?: number } = {}) {
    this.doc
      .font(options.font ?? REGULAR)
      .fontSize(options.size ?? BODY)
      .fillColor(options.color ?? 'black')
      .text(printable(text), MARGIN, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.y += options.gap ?? 4;
  }

  heightOf(text: string, font: string, size: number): number {
    return this.doc
      .font(font)
      .fontSize(size)
      .heightOfString(printable(text), { width: this.width, lineGap: 2 });
  }

  /** A section heading, kept with at least a few lines of what follows. */
  heading(text: string): void {
    this.doc.y += 8;
    this.keep(this.heightOf(text, BOLD, 12) + 4 * BODY * 1.4);
    this.text(text, { font: BOLD, size: 12, gap: 6 });
  }

  labelled({ label, text }: LabelledLine): void {
    this.doc
      .font(BOLD)
      .fontSize(BODY)
      .fillColor('black')
      .text(`${printable(label)}: `, MARGIN, this.doc.y, {
        width: this.width,
        lineGap: 2,
        continued: true,
      })
      .font(REGULAR)
      .text(printable(text), { lineGap: 2 });
    this.doc.y += 3;
  }

  milestone(m: PactDocumentContent['milestones'][number]): void {
    const head = `${m.number}. ${m.title}`;
    const height =
      this.heightOf(head, BOLD, BODY) +
      this.heightOf(m.due, REGULAR, SMALL + 1) +
      (m.description ? this.heightOf(m.description, REGULAR, BODY) : 0) +
      12;
    // A milestone taller than a page flows on; any other starts where it fits whole.
    if (height < this.bottom - MARGIN) this.keep(height);
    this.text(head, { font: BOLD, gap: 1 });
    this.text(m.due, { size: SMALL + 1, color: GREY, gap: m.description ? 2 : 8 });
    if (m.description) this.text(m.description, { gap: 8 });
  }

  signatureLine(label: string): void {
    this.keep(56);
    this.doc.y += 28;
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + 260, y)
      .lineWidth(0.7)
      .strokeColor(RULE)
      .stroke();
    this.doc.y = y + 4;
    this.text(label, { size: SMALL + 1, color: GREY, gap: 6 });
  }

  /** `left` (what the document is) and "Pagina i di N" at the foot of every page. */
  footers(left: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { page } = this.doc;
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0; // writing in the margin must not open a new page
      const y = page.height - FOOTER_FROM_BOTTOM;
      this.doc
        .moveTo(MARGIN, y - 8)
        .lineTo(page.width - MARGIN, y - 8)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc
        .font(REGULAR)
        .fontSize(SMALL)
        .fillColor(GREY)
        .text(printable(left), MARGIN, y, { width: this.width * 0.75, lineBreak: false })
        .text(`Pagina ${i - range.start + 1} di ${range.count}`, MARGIN, y, {
          width: this.width,
          align: 'right',
          lineBreak: false,
        });
      page.margins.bottom = bottomMargin;
    }
  }
}

async function draw(w: Writer, content: PactDocumentContent): Promise<void> {
  w.text(`Progetto «Fare Legami» · ${content.territory}`, {
    size: SMALL + 1,
    color: GREY,
    gap: 10,
  });
  w.text(content.heading, { font: BOLD, size: 20, gap: 4 });
  w.text(content.title, { size: 13, gap: 8 });
  w.labelled({ label: 'Riferimento', text: `${content.reference} (versione ${content.version})` });
  w.labelled({ label: 'Ambito territoriale', text: content.territory });
  w.labelled({ label: 'Comune', text: content.municipality });

  w.heading('Le parti');
  for (const line of content.parties.citizen) w.labelled(line);
  if (content.parties.members.length > 0) {
    w.text('Componenti del nucleo:', { font: BOLD, gap: 2 });
    for (const member of content.parties.members) w.text(`• ${member}`, { gap: 2 });
  }
  for (const line of content.parties.staff) w.labelled(line);
  await breathe();

  w.heading('Obiettivi');
  w.text(content.objectives);
  w.heading('Impegni del cittadino');
  w.text(content.citizenCommitments);
  w.heading('Impegni della comunità');
  w.text(content.communityCommitments);
  await breathe();

  w.heading('Tappe');
  if (content.milestones.length === 0) w.text('Nessuna tappa ancora definita.');
  for (const [i, m] of content.milestones.entries()) {
    w.milestone(m);
    if (i % 10 === 9) await breathe();
  }

  w.heading('Durata');
  w.text(content.duration);
  w.heading('Requisiti di accesso');
  w.text(content.eligibility.intro);
  for (const rule of content.eligibility.rules) w.labelled(rule);
  await breathe();

  w.heading('Informativa sul trattamento dei dati personali (art. 13 GDPR)');
  w.text(content.privacy, { size: SMALL + 1 });

  w.heading('Firme');
  w.text(`Luogo e data: ${content.municipality}, ____/____/________`);
  for (const signatory of content.signatures) w.signatureLine(signatory);

  w.footers(`${content.reference} · versione ${content.version} · impronta ${content.fingerprint}`);
}

/**
 * An A4 PDF in Italian as a stream, drawn by `draw`; it ends (or fails) once the drawing is
 * done. The pages are kept until then, so that footers can count them.
 */
export function renderA4Pdf(
  info: { title: string; subject: string },
  draw: (writer: Writer) => Promise<void>,
): Readable {
  const doc = new (pdfkit())({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    lang: 'it-IT',
    displayTitle: true,
    info: { Title: printable(info.title), Subject: printable(info.subject), Author: 'GenerAttivi' },
  });
  draw(new Writer(doc)).then(
    () => doc.end(),
    (error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return doc;
}

/** The pact as a PDF stream; it ends (or fails) once the drawing is done. */
export function renderPactPdf(content: PactDocumentContent): Readable {
  return renderA4Pdf(
    { title: `${content.heading} ${content.reference}`, subject: content.title },
    (w) => draw(w, content),
  );
}
