import { describe, expect, it } from 'vitest';
import { FIT_ALL_LIMIT, startNodes } from './map-start.js';
import { mapNodeAt } from './map-node-fixture.js';

const node = mapNodeAt;

/** A map of `count` nodes: four on the top layer (y 12) in no order of x, the rest below. */
const mapOf = (count: number) => [
  node('top-c', 900, 12),
  node('top-a', 12, 12),
  node('top-d', 1300, 12),
  node('top-b', 400, 12),
  ...Array.from({ length: count - 4 }, (_, i) => node(`below-${i}`, i * 10, 200 + (i % 3) * 180)),
];

describe('where the alignment map opens', () => {
  it.each([
    ['a small map fits whole', 20, undefined],
    ['at the limit it still fits whole', FIT_ALL_LIMIT, undefined],
    ['a large map opens on the leftmost three of its top layer', FIT_ALL_LIMIT + 1, ['top-a', 'top-b', 'top-c']],
    ['a 2,000-node map too', 2_000, ['top-a', 'top-b', 'top-c']],
  ])('%s', (_, count, expected) => {
    expect(startNodes(mapOf(count))?.map((n) => n.id)).toEqual(expected);
  });
});
