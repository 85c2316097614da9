import { describe, expect, it } from 'vitest';
import { AdmissionQueue, WithdrawnFromQueue } from './admission-queue.js';

const settled = async (promise: Promise<void>) =>
  Promise.race([
    promise.then(
      () => 'started',
      (e: unknown) => e,
    ),
    new Promise((r) => setTimeout(() => r('waiting'), 20)),
  ]);

describe('AdmissionQueue', () => {
  it('runs up to maxRunning at once, queues up to maxWaiting in order, refuses beyond', async () => {
    const queue = new AdmissionQueue(2, 1);
    const first = queue.enter()!;
    const second = queue.enter()!;
    const third = queue.enter()!;
    expect(queue.enter()).toBeUndefined();
    expect({ running: queue.running, waiting: queue.waiting, refused: queue.refused }).toEqual({ running: 1, waiting: 2, refused: 1 });
    expect(await settled(first.turn)).toBe('started');
    expect(await settled(second.turn)).toBe('waiting');

    first.leave();
    first.leave();
    expect(await settled(second.turn)).toBe('started');
    expect(await settled(third.turn)).toBe('waiting');
    expect({ running: queue.running, waiting: queue.waiting }).toEqual({ running: 1, waiting: 1 });
  });

  it('lets a waiting request withdraw without taking a turn from the others', async () => {
    const queue = new AdmissionQueue(5, 1);
    const running = queue.enter()!;
    const gone = queue.enter()!;
    const next = queue.enter()!;
    gone.leave();
    expect(await settled(gone.turn)).toBeInstanceOf(WithdrawnFromQueue);
    expect(queue.waiting).toBe(1);
    running.leave();
    expect(await settled(next.turn)).toBe('started');
    next.leave();
    expect({ running: queue.running, waiting: queue.waiting }).toEqual({ running: 0, waiting: 0 });
  });

  it('queues without bound when maxWaiting is 0', () => {
    const queue = new AdmissionQueue(0, 1);
    const tickets = Array.from({ length: 100 }, () => queue.enter());
    expect(tickets.every(Boolean)).toBe(true);
    expect({ running: queue.running, waiting: queue.waiting, refused: queue.refused }).toEqual({ running: 1, waiting: 99, refused: 0 });
  });
});
