import {
  attachmentDisposition,
  cleanFileName,
  FALLBACK_FILE_NAME,
  MAX_FILE_NAME_LENGTH,
} from './file-name';

describe('cleanFileName', () => {
  it.each([
    ['patto firmato.pdf', 'patto firmato.pdf'],
    ['Attività è già così.pdf', 'Attività è già così.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['C:\\Users\\anna\\ISEE 2026.pdf', 'ISEE 2026.pdf'],
    ['fattura\u202efdp.exe', 'fatturafdp.exe'],
    ['a\u200eb\u200fc\u2066d\u2069e\u061cf.png', 'abcdef.png'],
    ['line\nbreak\ttab\u0000nul\u007fdel\u0085.pdf', 'linebreaktabnuldel.pdf'],
    ['  spazi.pdf  ', 'spazi.pdf'],
    ['.htaccess', 'htaccess'],
    ['caf\u0065\u0301.pdf', 'café.pdf'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it.each(['', '   ', '../', '..', '\u202e', '/'])(
    '%j, nothing left → the fallback name',
    (raw) => {
      expect(cleanFileName(raw)).toBe(FALLBACK_FILE_NAME);
    },
  );

  it('cuts a long name at the limit, keeping the extension', () => {
    const name = cleanFileName(`${'è'.repeat(500)}.pdf`);
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('è.pdf')).toBe(true);
    expect(cleanFileName('a'.repeat(MAX_FILE_NAME_LENGTH))).toBe('a'.repeat(MAX_FILE_NAME_LENGTH));
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Attività "1".pdf')).toBe(
      `attachment; filename="Attivit_ _1_.pdf"; filename*=UTF-8''Attivit%C3%A0%20%221%22.pdf`,
    );
    expect(attachmentDisposition("l'ISEE (2026).pdf")).toBe(
      `attachment; filename="l'ISEE (2026).pdf"; filename*=UTF-8''l%27ISEE%20%282026%29.pdf`,
    );
  });
});
