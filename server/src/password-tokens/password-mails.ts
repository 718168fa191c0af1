import { PROJECT_TIME_ZONE, type PasswordTokenPurpose } from '@generattivi/shared';
import escapeHtml from 'escape-html';
import type { OutgoingMail } from '../mail/mail.service';

const WHEN = new Intl.DateTimeFormat('it-IT', {
  timeZone: PROJECT_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `09/12/2026 alle 20:31`, in Italy's time. */
export function italianInstant(iso: string): string {
  const parts = Object.fromEntries(WHEN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} alle ${parts.hour}:${parts.minute}`;
}

/** The page of the admin where a link's password is set. */
export function passwordLink(publicUrl: string, token: string): string {
  return `${publicUrl}/#/imposta-password?token=${token}`;
}

const KIND: Record<PasswordTokenPurpose, string> = {
  invitation: 'invitation',
  reset: 'password-reset',
};

/**
 * The mail carrying a link to set a password, in Italian, plain text and simple HTML: the
 * paragraphs before the link, the link, the paragraphs after it.
 */
export function passwordMail(input: {
  purpose: PasswordTokenPurpose;
  to: string;
  fullName: string;
  link: string;
  expiresAt: string;
}): OutgoingMail {
  const until = italianInstant(input.expiresAt);
  const before =
    input.purpose === 'invitation'
      ? [
          `Buongiorno ${input.fullName},`,
          'è stato creato per te un account su GenerAttivi, il gestionale dei patti generativi.',
          `Per iniziare, scegli la tua password da questo link, valido una sola volta fino al ${until}:`,
        ]
      : [
          `Buongiorno ${input.fullName},`,
          `abbiamo ricevuto una richiesta di reimpostare la password del tuo account GenerAttivi (${input.to}).`,
          `Per scegliere una nuova password apri questo link, valido una sola volta fino al ${until}:`,
        ];
  const after =
    input.purpose === 'invitation'
      ? [
          `Per accedere userai il tuo indirizzo email (${input.to}) e la password che scegli.`,
          'Se non ti aspettavi questo messaggio, puoi ignorarlo.',
        ]
      : [
          'Se non l’hai chiesto tu, ignora questo messaggio: la tua password resta quella di prima.',
        ];
  const paragraphs = (lines: string[]) =>
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const href = escapeHtml(input.link);
  return {
    to: input.to,
    kind: KIND[input.purpose],
    subject:
      input.purpose === 'invitation'
        ? 'Il tuo account GenerAttivi: scegli la password'
        : 'GenerAttivi: reimposta la password',
    text: [before.join('\n\n'), input.link, after.join('\n\n'), '— GenerAttivi'].join('\n\n'),
    html: [
      paragraphs(before),
      `<p><a href="${href}">${href}</a></p>`,
      paragraphs(after),
      '<p>— GenerAttivi</p>',
    ].join('\n'),
  };
}
