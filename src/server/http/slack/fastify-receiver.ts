import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/** What Cairn answers Slack with once Bolt's listener has acknowledged (or not) the request. */
export interface SlackAnswer {
  status: number;
  body: string | Record<string, unknown>;
}

type Ack = ReceiverEvent['ack'];

/**
 * A Bolt receiver that listens on nothing: Cairn's Fastify route verifies the request and hands the
 * parsed body here. Like Bolt's `processBeforeResponse`, it answers only after the listener has run, so
 * a modal is open and a check-in committed by the time Slack (or a test) reads the answer.
 */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  // Nothing to start or stop: Cairn's server owns the socket.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async dispatch(body: Record<string, unknown>, retryNum?: number, retryReason?: string): Promise<SlackAnswer> {
    if (!this.app) throw new Error('The Slack app is not initialised.');
    let acknowledged = false;
    let response: unknown;
    const ack: Ack = async (answer?: unknown) => {
      if (acknowledged) return;
      acknowledged = true;
      response = answer;
    };
    await this.app.processEvent({ body, ack, retryNum, retryReason });
    // No listener took it (an event Cairn does not handle): Slack gets 404 and stops retrying after a few.
    if (!acknowledged) return { status: 404, body: '' };
    if (response === undefined) return { status: 200, body: '' };
    if (typeof response === 'string') return { status: 200, body: response };
    return { status: 200, body: response as Record<string, unknown> };
  }
}
