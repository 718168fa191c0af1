import { italianInstant, passwordLink, passwordMail } from './password-mails';

describe('password mails', () => {
  const link = passwordLink('https://generattivi.example.it', 'abc_DEF-123');

  it('links to the page of the admin that sets the password', () => {
    expect(link).toBe('https://generattivi.example.it/#/imposta-password?token=abc_DEF-123');
  });

  it('says when the link expires in Italian time, dd/mm/yyyy', () => {
    expect(italianInstant('2026-12-09T19:31:00.000Z')).toBe('09/12/2026 alle 20:31');
    expect(italianInstant('2026-07-01T22:05:00.000Z')).toBe('02/07/2026 alle 00:05');
  });

  it('writes an invitation in Italian, as text and as HTML with the name escaped', () => {
    const mail = passwordMail({
      purpose: 'invitation',
      to: 'a@example.org',
      fullName: 'Anna <b>Rossi</b>',
      link,
      expiresAt: '2026-12-09T19:31:00.000Z',
    });
    expect(mail).toMatchObject({ to: 'a@example.org', kind: 'invitation' });
    expect(mail.subject).toBe('Il tuo account GenerAttivi: scegli la password');
    expect(mail.text).toContain('Buongiorno Anna <b>Rossi</b>,\n\nè stato creato per te');
    expect(mail.text).toContain(`fino al 09/12/2026 alle 20:31:\n\n${link}\n\n`);
    expect(mail.html).toContain('Buongiorno Anna &lt;b&gt;Rossi&lt;/b&gt;,');
    expect(mail.html).toContain(`<a href="${link}">${link}</a>`);
  });

  it('writes a reset that says what to do when it was not asked for', () => {
    const mail = passwordMail({
      purpose: 'reset',
      to: 'a@example.org',
      fullName: 'Anna Rossi',
      link,
      expiresAt: '2026-12-09T19:31:00.000Z',
    });
    expect(mail.kind).toBe('password-reset');
    expect(mail.subject).toBe('GenerAttivi: reimposta la password');
    expect(mail.text).toContain('Se non l’hai chiesto tu, ignora questo messaggio');
  });
});
