/**
 * Data readiness: can the number behind a key result actually be obtained,
 * by whom and how often?
 *
 * Teams often discover mid-cycle that their key result cannot be measured.
 * The checklist asks up front; for a number that cannot be measured yet there
 * are three ways out: wait until it can be, use a proxy for now, or make
 * establishing the measurement an objective of its own (which the finding
 * offers to draft). Only metrics and thresholds carry a number to source.
 */
import { eachKeyResult, isBlank, krField, krName } from '../helpers.js';
import { keyResultSubject } from '../subject.js';
import type { DraftKeyResult, QualityRule, RuleFinding } from '../types.js';

type ChecklistKey = 'dataSource' | 'measuredBy' | 'frequency';

const CHECKLIST: readonly { key: ChecklistKey; label: string }[] = [
  { key: 'dataSource', label: 'where the data comes from' },
  { key: 'measuredBy', label: 'who measures it' },
  { key: 'frequency', label: 'how often it is measured' },
];

function notYetMeasurable(kr: DraftKeyResult, index: number): RuleFinding {
  const subject = keyResultSubject(kr.title);
  return {
    field: krField(index, 'dataReadiness.reliability'),
    message: `${krName(kr, index)} cannot be measured yet, so its progress would be guesswork.`,
    suggestion:
      'Three ways out: wait with this key result until it can be measured; use a proxy metric for now and say when the real one replaces it; or make establishing the measurement an objective in itself.',
    action: {
      kind: 'draft_measurement_objective',
      title: `Establish a reliable measure of ${subject}`,
    },
  };
}

/** "a, b or c". */
function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function checkKeyResult(kr: DraftKeyResult, index: number): RuleFinding[] {
  if (kr.kind !== 'metric' && kr.kind !== 'threshold') return [];
  const readiness = kr.dataReadiness ?? {};
  if (readiness.reliability === 'not_yet_measurable') return [notYetMeasurable(kr, index)];

  const findings: RuleFinding[] = [];
  const missing = CHECKLIST.filter(({ key }) => isBlank(readiness[key]));
  const first = missing[0];
  if (first !== undefined) {
    findings.push({
      field: krField(index, `dataReadiness.${first.key}`),
      message: `The data readiness of ${krName(kr, index)} does not say ${joinOr(missing.map((item) => item.label))}.`,
      suggestion: 'Fill in the data readiness checklist now, so the number is there at the first check-in.',
    });
  }
  if (readiness.reliability === 'proxy' && isBlank(readiness.proxyReplaceBy)) {
    findings.push({
      field: krField(index, 'dataReadiness.proxyReplaceBy'),
      message: `${krName(kr, index)} is measured by a proxy with no date for replacing it by the real measure.`,
      suggestion: 'Set the date by which the real measure replaces the proxy, so the stopgap does not become permanent.',
    });
  }
  return findings;
}

export const dataNotReady: QualityRule = {
  id: 'data-not-ready',
  title: 'Make sure the data exists',
  defaultSeverity: 'warn',
  why: 'A key result nobody can measure cannot be checked in on, and teams often find this out halfway through the cycle. Knowing the source, the person and the rhythm up front avoids that.',
  weakExample: 'Raise customer satisfaction from 7.1 to 8.5 (no survey in place yet)',
  strongExample: 'Same key result with source “quarterly CSAT survey”, measured by Support Ops, monthly',
  check(objective) {
    return eachKeyResult(objective, checkKeyResult);
  },
};
