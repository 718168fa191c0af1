import type { Readable } from 'node:stream';
import { breathe, renderA4Pdf } from '../pact-document/pact-document.pdf';
import type { SummaryContent } from './subject-access.summary';

/** The summary as an A4 PDF stream, giving the event loop back every few lines. */
export function renderSummaryPdf(content: SummaryContent): Readable {
  return renderA4Pdf({ title: content.title, subject: content.subtitle }, async (w) => {
    w.text(content.title, { font: 'Helvetica-Bold', size: 20, gap: 4 });
    w.text(content.subtitle, { size: 11, gap: 8 });
    for (const section of content.sections) {
      w.heading(section.heading);
      for (const [i, line] of section.lines.entries()) {
        if (typeof line === 'string') w.text(line, { gap: 2 });
        else w.labelled(line);
        if (i % 25 === 24) await breathe();
      }
      await breathe();
    }
    w.footers(content.footer);
  });
}
