import { describe, expect, it } from 'vitest';
import { metric, milestone, objective, run, threshold } from '../test-fixtures.js';
import type { DataReadiness, DraftKeyResult } from '../types.js';
import { dataNotReady } from './data-not-ready.js';

const ready: DataReadiness = { dataSource: 'Survey tool', measuredBy: 'Support Ops', frequency: 'monthly', reliability: 'reliable' };

function check(kr: DraftKeyResult) {
  return run(dataNotReady, objective({ keyResults: [kr] }));
}

describe('data-not-ready', () => {
  it.each<[string, DraftKeyResult, string[]]>([
    ['a complete checklist', metric({ dataReadiness: ready }), []],
    ['reliability not stated is fine', metric({ dataReadiness: { ...ready, reliability: undefined } }), []],
    ['a proxy with a replacement date', metric({ dataReadiness: { ...ready, reliability: 'proxy', proxyReplaceBy: '2025-06-30' } }), []],
    ['milestones need no data source', milestone({ dataReadiness: undefined }), []],
    ['rollups need no data source', { title: 'Reliability', kind: 'rollup' }, []],
    ['no checklist at all', metric({ dataReadiness: undefined }), ['keyResults[0].dataReadiness.dataSource']],
    ['threshold without a source', threshold({ dataReadiness: { ...ready, dataSource: ' ' } }), ['keyResults[0].dataReadiness.dataSource']],
    ['nobody measures it', metric({ dataReadiness: { ...ready, measuredBy: '' } }), ['keyResults[0].dataReadiness.measuredBy']],
    ['no frequency', metric({ dataReadiness: { ...ready, frequency: undefined } }), ['keyResults[0].dataReadiness.frequency']],
    [
      'a proxy without a date',
      metric({ dataReadiness: { ...ready, reliability: 'proxy', proxyReplaceBy: null } }),
      ['keyResults[0].dataReadiness.proxyReplaceBy'],
    ],
    [
      'a proxy without a date and no source: both',
      metric({ dataReadiness: { ...ready, dataSource: undefined, reliability: 'proxy' } }),
      ['keyResults[0].dataReadiness.dataSource', 'keyResults[0].dataReadiness.proxyReplaceBy'],
    ],
    [
      'not yet measurable: one finding',
      metric({ dataReadiness: { reliability: 'not_yet_measurable' } }),
      ['keyResults[0].dataReadiness.reliability'],
    ],
  ])('%s → %j', (_name, kr, expected) => {
    expect(check(kr).map((f) => f.field)).toEqual(expected);
  });

  it('lists everything missing in one message', () => {
    const [finding] = check(metric({ title: 'NPS', dataReadiness: {} }));
    expect(finding?.message).toBe(
      'The data readiness of “NPS” does not say where the data comes from, who measures it or how often it is measured.',
    );
  });

  it('not yet measurable: offers the three ways out and drafts a measurement objective', () => {
    const kr = metric({
      title: 'Raise customer satisfaction from 7.1 to 8.5',
      dataReadiness: { reliability: 'not_yet_measurable' },
    });
    const [finding] = check(kr);
    expect(finding?.suggestion).toMatch(/wait .*proxy .*objective in itself/);
    expect(finding?.action).toEqual({
      kind: 'draft_measurement_objective',
      title: 'Establish a reliable measure of customer satisfaction',
    });
  });

  it('no action is offered for other gaps', () => {
    expect(check(metric({ dataReadiness: {} }))[0]?.action).toBeUndefined();
  });
});
