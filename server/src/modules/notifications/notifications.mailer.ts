import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** False when no SMTP server is configured: messages wait in the outbox, visible to staff. */
  readonly configured: boolean;
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Mail through nodemailer: an SMTP server from `SMTP_URL`, or `json:` (nodemailer's JSON
 * transport: the message is built completely but goes nowhere; for tests and trials).
 */
export function createMailer(smtp: Config['smtp']): Mailer {
  if (!smtp) {
    return {
      configured: false,
      async send() {
        throw new Error('no SMTP server is configured');
      },
    };
  }
  const transport =
    smtp.url === 'json:'
      ? nodemailer.createTransport({ jsonTransport: true })
      : nodemailer.createTransport({
          url: smtp.url,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        });
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * What a failed send leaves in the outbox: the error's kind and SMTP status, never its text
 * (servers quote the address, sometimes the message).
 */
export function sendErrorKind(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const code = typeof e?.code === 'string' && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : 'SEND_FAILED';
  return typeof e?.responseCode === 'number' ? `${code} (SMTP ${e.responseCode})` : code;
}

/** o•••@example.org: enough to recognise an address, not enough to reuse it. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}
