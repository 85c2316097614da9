import { describe, expect, it } from 'vitest';
import { objectiveStatusChange, webhookEventsOf, type ActivityFacts } from './events.js';

describe('webhookEventsOf', () => {
  it.each<[string, ActivityFacts, string[]]>([
    ['a check-in', { action: 'check_in.created', after: { blockers: null } }, ['check_in.created']],
    [
      'a check-in with a blocker',
      { action: 'check_in.created', after: { blockers: 'Waiting on legal' } },
      ['check_in.created', 'blocker.raised'],
    ],
    ['a blank blocker', { action: 'check_in.created', after: { blockers: '   ' } }, ['check_in.created']],
    [
      'a correction keeping the same blocker',
      { action: 'check_in.corrected', before: { blockers: 'Legal' }, after: { blockers: 'Legal ' } },
      ['check_in.corrected'],
    ],
    [
      'a correction adding a blocker',
      { action: 'check_in.corrected', before: { blockers: null }, after: { blockers: 'Legal' } },
      ['check_in.corrected', 'blocker.raised'],
    ],
    ['a target reached', { action: 'key_result.target-reached', after: { progress: 1 } }, ['key_result.target_reached']],
    [
      'a phase change',
      { action: 'cycle.phase_changed', before: { status: 'planning' }, after: { from: 'planning', to: 'active' } },
      ['cycle.phase_changed'],
    ],
    ['a closed cycle', { action: 'cycle.closed' }, ['cycle.closed']],
    ['a published objective created', { action: 'objective.created', after: { status: 'active' } }, ['objective.published']],
    ['a draft created', { action: 'objective.created', after: { status: 'draft' } }, []],
    [
      'a draft published',
      { action: 'objective.updated', before: { status: 'draft' }, after: { status: 'active' } },
      ['objective.published', 'objective.status_changed'],
    ],
    [
      'an objective closed',
      { action: 'objective.closed', before: { status: 'active' }, after: { status: 'closed' } },
      ['objective.status_changed'],
    ],
    ['a title edit', { action: 'objective.updated', before: { status: 'active' }, after: { title: 'New' } }, []],
    ['anything else', { action: 'team.created' }, []],
  ])('%s', (_, facts, events) => expect(webhookEventsOf(facts)).toEqual(events));
});

describe('objectiveStatusChange', () => {
  it.each<[ActivityFacts, { from: string; to: string } | null]>([
    [
      { action: 'objective.updated', before: { status: 'active' }, after: { status: 'archived' } },
      { from: 'active', to: 'archived' },
    ],
    [{ action: 'objective.updated', before: { status: 'active' }, after: { status: 'active' } }, null],
    [
      { action: 'objective.created', after: { status: 'active' } },
      { from: 'draft', to: 'active' },
    ],
  ])('%j', (facts, change) => expect(objectiveStatusChange(facts)).toEqual(change));
});
