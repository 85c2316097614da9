import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TestEngine } from '../support/engines.js';
import { startHookReceiver, startSmtpReceiver, type HookReceiver, type SmtpReceiver } from './receivers.js';
import { MovableClock, setUpRhythmWorld, smtpMailer, startRhythmServer, type RhythmServer, type RhythmWorld } from './support.js';

export interface RhythmMailSuite {
  clock: MovableClock;
  readonly smtp: SmtpReceiver;
  readonly server: RhythmServer;
  /** With `{ webhook: true }`: the receiver the world's team posts to, emptied before each test. */
  readonly hook: HookReceiver;
  /** The world of the current test: a clean database, the clock back at the start, the rhythm's people and team. */
  readonly world: RhythmWorld;
}

/**
 * The set-up shared by the rhythm tests that mail: one real SMTP receiver and one rhythm server per file, and before
 * each test a clean database, the clock at `start`, a fresh world (then `prepare`), and an empty mailbox — so only
 * what the test itself sends is counted.
 */
export function useRhythmMailSuite(
  engine: () => TestEngine,
  start: string,
  prepare: (world: RhythmWorld) => Promise<void> = async () => {},
  options: { webhook?: boolean } = {},
): RhythmMailSuite {
  const clock = new MovableClock(start);
  let smtp: SmtpReceiver | undefined;
  let server: RhythmServer | undefined;
  let world: RhythmWorld | undefined;
  let hook: HookReceiver | undefined;
  beforeAll(async () => {
    if (options.webhook) hook = await startHookReceiver();
    smtp = await startSmtpReceiver();
    server = await startRhythmServer(engine().handle, clock, smtpMailer(smtp.url));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await hook?.close();
  });
  beforeEach(async () => {
    await engine().reset();
    clock.set(start);
    world = await setUpRhythmWorld(server!.url, hook ? { webhookUrl: hook.url } : {});
    await prepare(world);
    smtp!.messages.length = 0;
    if (hook) hook.calls.length = 0;
  });
  return {
    clock,
    get smtp() {
      return smtp!;
    },
    get server() {
      return server!;
    },
    get hook() {
      if (!hook) throw new Error('useRhythmMailSuite(…, { webhook: true }) starts a webhook receiver');
      return hook;
    },
    get world() {
      return world!;
    },
  };
}
