import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '../env';
import type { Logger } from '../log';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | null | undefined;

/** Email goes out only when both SMTP_URL and SMTP_FROM are set; otherwise notifications stay in-app. */
export const mailEnabled = (): boolean => Boolean(env.SMTP_URL && env.SMTP_FROM);

function mailTransport(): Transporter | null {
  if (transport === undefined) transport = mailEnabled() ? nodemailer.createTransport(env.SMTP_URL!) : null;
  return transport;
}

/**
 * Sends after the write has committed. A mail server that is down must not fail the request that
 * caused the mail, so failures are logged and swallowed.
 */
export async function sendMails(messages: MailMessage[], log: Logger): Promise<void> {
  const t = mailTransport();
  if (!t || !messages.length) return;
  await Promise.all(
    messages.map(async (m) => {
      try {
        await t.sendMail({ from: env.SMTP_FROM, to: m.to, subject: m.subject, text: m.text });
      } catch (e) {
        log.warn('notification email failed', { to: m.to, error: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
}
