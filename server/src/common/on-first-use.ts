import type ExcelJS from 'exceljs';
import type archiverModule from 'archiver';
import type * as nodemailerModule from 'nodemailer';
import type PDFDocument from 'pdfkit';
import type * as unzipperModule from 'unzipper';

/** The value of `load()`, computed at the first call and kept. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/*
 * Libraries that only some requests need, required at their first use instead of when the
 * server starts, whose start they lengthened by loading and compiling their files: exceljs
 * (exports, imports and their templates), unzipper (an uploaded workbook's unzipped size),
 * pdfkit (the pact's PDF), archiver (the subject-access archive), nodemailer (loaded at start
 * only where SMTP_URL is set). Their types are imported as usual, with `import type`.
 */
export const exceljs = onFirstUse(() => require('exceljs') as typeof ExcelJS);
export const pdfkit = onFirstUse(() => require('pdfkit') as typeof PDFDocument);
export const archiver = onFirstUse(() => require('archiver') as typeof archiverModule);
export const unzipper = onFirstUse(() => require('unzipper') as typeof unzipperModule);
export const nodemailer = onFirstUse(() => require('nodemailer') as typeof nodemailerModule);
