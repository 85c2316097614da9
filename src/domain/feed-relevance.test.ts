import { describe, expect, it } from 'vitest';
import { AT_RISK_BOOST, orderForReader, relevanceScore, type RelevanceReason } from './feed-relevance.js';

describe('relevanceScore', () => {
  it.each<[RelevanceReason[], number]>([
    [[], 0],
    [['team'], 30],
    [['contributing'], 35],
    [['depending'], 40],
    [['mine'], 50],
    [['mention'], 60],
    [['mine', 'team', 'contributing'], 50],
    [['at_risk'], AT_RISK_BOOST],
    [['team', 'at_risk'], 30 + AT_RISK_BOOST],
    [['mention', 'mine', 'at_risk'], 60 + AT_RISK_BOOST],
  ])('%j scores %i', (reasons, score) => expect(relevanceScore(reasons)).toBe(score));
});

describe('orderForReader', () => {
  const at = (id: string, minute: number, reasons: RelevanceReason[]) => ({
    id,
    createdAt: new Date(Date.UTC(2025, 1, 17, 9, minute)),
    reasons,
  });

  it.each<[string, ReturnType<typeof at>[], string[]]>([
    ['nothing personal: the plain timeline', [at('a', 1, []), at('b', 3, []), at('c', 2, [])], ['b', 'c', 'a']],
    ['mine before my team, whatever the time', [at('team', 5, ['team']), at('mine', 1, ['mine'])], ['mine', 'team']],
    ['at risk first within a tier', [at('calm', 5, ['team']), at('risky', 1, ['team', 'at_risk'])], ['risky', 'calm']],
    ['at-risk news of others before calm news of others', [at('calm', 5, []), at('risky', 1, ['at_risk'])], ['risky', 'calm']],
    ['a mention before my own objective', [at('mine', 5, ['mine']), at('mention', 1, ['mention'])], ['mention', 'mine']],
    ['same score, same minute: by id, stable', [at('x', 1, ['team']), at('y', 1, ['team'])], ['y', 'x']],
  ])('%s', (_, items, ids) => expect(orderForReader(items).map((i) => i.id)).toEqual(ids));
});
