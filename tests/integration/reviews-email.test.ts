/**
 * Notification email: with SMTP_URL and SMTP_FROM set, a mention reaches the mentioned member's mailbox
 * (a local SMTP server started here); a mail server that refuses does not fail the request.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, expect, it } from 'vitest';

interface Mail {
  from: string;
  to: string[];
  data: string;
}
const received: Mail[] = [];
let refuse = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    callback(refuse ? new Error('mailbox unavailable') : undefined);
  },
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

// The settings module reads the environment once, when first imported: set SMTP before importing the app.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;
process.env.SMTP_FROM = 'GRN Studio <grn@lab.test>';
process.env.NEXTAUTH_URL = 'http://grn.lab.test';
const { forEachBackend } = await import('./harness');
const { ok } = await import('./data-fixtures');
const { reviewProject } = await import('./reviews-fixtures');
const { inviteMember } = await import('@/server/projects/members');

async function waitFor<T>(find: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('timed out waiting for the mail');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Quoted-printable (RFC 2045) and Q-encoded header words (RFC 2047), as nodemailer writes them. */
const qp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
function decodeMail(data: string): { subject: string; text: string } {
  const [head, ...body] = data.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]/g, ' ');
  const rawSubject = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = rawSubject.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/g, (_, w: string) => qp(w.replace(/_/g, ' ')));
  return { subject, text: qp(body.join('\n\n')).replace(/\r\n/g, '\n') };
}

const COMMENT = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;

await forEachBackend('review notification email', (h) => {
  it('emails the mentioned member after the comment is stored', async () => {
    const p = await reviewProject(h);
    await ok(h, COMMENT, { input: { projectId: p.projectId, regulator: 'G1', target: 'G2', body: `@${p.viewer.email} please check PMID 10521345` } }, p.editor);
    // The project's set-up emailed the members their invitations too: pick the mention.
    const mail = await waitFor(() => received.find((m) => m.to.includes(p.viewer.email) && decodeMail(m.data).subject.includes('mentioned')));
    expect(mail.from).toBe('grn@lab.test');
    const { subject, text } = decodeMail(mail.data);
    expect(subject).toBe('[GRN Studio] Editor mentioned you on G1 → G2');
    expect(text).toContain(`Editor mentioned you on G1 → G2.\n\n@${p.viewer.email} please check PMID 10521345`);
    // The actor is never notified, by inbox or mail.
    expect(received.some((m) => m.to.includes(p.editor.email) && !decodeMail(m.data).subject.includes('invited you'))).toBe(false);
  });

  it('keeps the request and the in-app notification when the mail server refuses', async () => {
    const p = await reviewProject(h);
    refuse = true;
    try {
      await ok(h, COMMENT, { input: { projectId: p.projectId, regulator: 'G1', target: 'G2', body: `@${p.owner.email.split('@')[0]} look` } }, p.editor);
      const inbox = await ok(h, `{ unreadNotificationCount }`, {}, p.owner);
      expect(inbox.unreadNotificationCount).toBe(1);
      await waitFor(() => h.logs.find((l) => l.msg === 'notification email failed' && l.data?.to === p.owner.email));
    } finally {
      refuse = false;
    }
  });

  it('emails an invitation link that the invitee can follow; the owner still gets the link', async () => {
    const p = await reviewProject(h);
    const email = `newcomer.${Date.now()}@lab.test`;
    const { invitationPath } = await inviteMember(h.context(p.owner), { projectId: p.projectId, email, role: 'viewer' });
    const mail = await waitFor(() => received.find((m) => m.to.includes(email)));
    const { subject, text } = decodeMail(mail.data);
    expect(subject).toContain('invited you to');
    expect(text).toContain(`http://grn.lab.test${invitationPath}`);
  });
});
