/**
 * The bounded wait line in front of PGlite's single connection.
 *
 * PGlite runs in this process and answers queries through promises that resolve without giving
 * the event loop a turn, so one request runs from its first query to its response before Node
 * reads the next one: without a line of our own, requests wait unread in the kernel's socket
 * buffers, in no order and without bound (p95 22 s at 50 clients), and nothing can refuse them.
 * This line lets a few requests run at once and queues the rest in order, handing each turn on in
 * a later macrotask so Node reads (and answers or refuses) what arrived meanwhile. It counts whole
 * requests, admitted before they touch the database, so a refusal never splits a request's work.
 */
export class AdmissionQueue {
  #running = 0;
  #refused = 0;
  readonly #line: Ticket[] = [];

  /**
   * `maxWaiting`: requests that may wait for a turn; one more is refused (0: no bound).
   * `maxRunning`: requests running at once. More do not go faster on one connection, and each turn
   * handed on separately lets Node read new arrivals between requests: at 50 clients, 1 gave a p99 of
   * 1.0 s against 2.3 s with 4 (bench/pglite-load.ts).
   */
  constructor(
    readonly maxWaiting: number,
    readonly maxRunning = 1,
  ) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#line.length;
  }

  /** Requests turned away since the start. */
  get refused(): number {
    return this.#refused;
  }

  /** A place in the line, or undefined when it is full. */
  enter(): Ticket | undefined {
    if (this.#running < this.maxRunning && this.#line.length === 0) {
      this.#running++;
      return new Ticket(this, true);
    }
    if (this.maxWaiting > 0 && this.#line.length >= this.maxWaiting) {
      this.#refused++;
      return undefined;
    }
    const ticket = new Ticket(this, false);
    this.#line.push(ticket);
    return ticket;
  }

  /** @internal a ticket gives up its place, waiting or running. */
  release(ticket: Ticket, wasRunning: boolean): void {
    if (!wasRunning) {
      this.#line.splice(this.#line.indexOf(ticket), 1);
      return;
    }
    this.#running--;
    const next = this.#line.shift();
    if (!next) return;
    this.#running++;
    next.start();
  }
}

/** Withdrawn from the line before its turn (the client went away). */
export class WithdrawnFromQueue extends Error {}

export class Ticket {
  #state: 'waiting' | 'running' | 'done';
  #start!: () => void;
  #withdraw!: (error: Error) => void;
  /** Resolves when the request may run; rejects if it leaves the line first. */
  readonly turn: Promise<void>;

  constructor(
    private readonly queue: AdmissionQueue,
    running: boolean,
  ) {
    this.#state = running ? 'running' : 'waiting';
    this.turn = new Promise<void>((resolve, reject) => {
      this.#start = resolve;
      this.#withdraw = reject;
    });
    // Even a free turn starts a macrotask later: a request runs to its response without yielding,
    // so without this Node would never read a second request while one runs, and no line would form.
    if (running) setImmediate(this.#start);
  }

  /** Whether the ticket has left (its request should not run any more). */
  get left(): boolean {
    return this.#state === 'done';
  }

  /** @internal its turn: running from now, told a macrotask later so Node first reads what arrived meanwhile. */
  start(): void {
    this.#state = 'running';
    setImmediate(this.#start);
  }

  /** Gives up the place, whether waiting or running; safe to call more than once. */
  readonly leave = (): void => {
    if (this.#state === 'done') return;
    const wasRunning = this.#state === 'running';
    this.#state = 'done';
    this.queue.release(this, wasRunning);
    if (!wasRunning) this.#withdraw(new WithdrawnFromQueue('left the line before its turn'));
  };
}
