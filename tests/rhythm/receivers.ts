/**
 * Real local endpoints for delivery tests: an SMTP server (smtp-server) that collects or refuses
 * mail, and an HTTP server that plays a Slack incoming webhook with a scripted list of statuses.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The raw header block, folded lines as sent. */
  head: string;
  /** The message body, quoted-printable soft breaks undone. */
  text: string;
}

export interface SmtpReceiver {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

/** Quoted-printable to text: soft breaks dropped, =XX bytes read as UTF-8, CRLF as LF. */
function unfold(raw: string): string {
  const latin = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}

/** Collects every message; with `refuse`, answers each one with a temporary failure instead. */
export async function startSmtpReceiver(options: { refuse?: boolean } = {}): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        if (options.refuse) return callback(Object.assign(new Error('Mailbox unavailable, try later'), { responseCode: 451 }));
        const [head = '', ...body] = raw.split(/\r?\n\r?\n/);
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, head, text: unfold(body.join('\n\n')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface HookReceiver {
  url: string;
  calls: { body: unknown; at: number }[];
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of request) raw += String(chunk);
  return JSON.parse(raw);
}

/** Answers the n-th call with statuses[n] (the last one repeats), recording every body. */
export async function startHookReceiver(statuses: number[] = [200]): Promise<HookReceiver> {
  const calls: HookReceiver['calls'] = [];
  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      calls.push({ body, at: Date.now() });
      response.statusCode = statuses[Math.min(calls.length - 1, statuses.length - 1)]!;
      response.end(response.statusCode < 300 ? 'ok' : 'server error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}/hooks/team`, calls, close };
}
