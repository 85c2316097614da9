/**
 * A real local webhook receiver: it verifies each request with the Standard Webhooks reference
 * library (`standardwebhooks`) and answers 500 to the first attempt of every message id, so every
 * event is only delivered by a retry.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface Attempt {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface EventReceiver {
  url: string;
  attempts: Attempt[];
  /** Events the receiver accepted (answered 2xx), after verifying their signature. */
  accepted: ReceivedEvent[];
  /** Requests whose signature did not verify (answered 401). */
  forged: Attempt[];
  setSecret(secret: string): void;
  close(): Promise<void>;
}

export async function startEventReceiver(secret: string): Promise<EventReceiver> {
  let verifier = new Webhook(secret);
  const attempts: Attempt[] = [];
  const accepted: ReceivedEvent[] = [];
  const forged: Attempt[] = [];
  const seen = new Set<string>();
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const headers = request.headers;
      const attempt: Attempt = { headers, body, status: 0 };
      attempts.push(attempt);
      let event: ReceivedEvent;
      try {
        event = verifier.verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }) as ReceivedEvent;
      } catch {
        attempt.status = 401;
        forged.push(attempt);
        return response.writeHead(401).end('bad signature');
      }
      const id = String(headers['webhook-id']);
      attempt.status = seen.has(id) ? 200 : 500;
      seen.add(id);
      if (attempt.status === 200) accepted.push(event);
      response.writeHead(attempt.status).end(attempt.status === 200 ? 'ok' : 'try again');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cairn-events`,
    attempts,
    accepted,
    forged,
    setSecret: (next) => (verifier = new Webhook(next)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
