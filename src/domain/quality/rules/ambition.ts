/**
 * Ambition at the right dose: no stretch goals before people have learnt the
 * method, not too many once they have, and no business-as-usual dressed up
 * as a key result.
 */
import { FLOAT_EPSILON } from '../../numbers.js';
import { eachKeyResult, formatShare, krField, krName, plural } from '../helpers.js';
import type { QualityRule, RuleFinding } from '../types.js';

export const stretchPolicy: QualityRule = {
  id: 'stretch-policy',
  title: 'Aspirational objectives when the organisation is ready',
  defaultSeverity: 'warn',
  why: 'Aspirational objectives, missed by design, discourage people who are new to OKRs. Build confidence with committed objectives first, then add aspirational ones in moderation.',
  weakExample: 'First OKR cycle: 4 of 5 objectives aspirational',
  strongExample: 'First cycle committed only; later cycles at most 30% aspirational',
  check(objective, context, principles) {
    if (objective.type !== 'aspirational') return [];
    const policy = principles.stretchPolicy;
    const cycle = context.cycleNumber;
    if (cycle !== undefined && cycle <= policy.committedOnlyCycles) {
      const n = policy.committedOnlyCycles;
      const which = n === 1 ? 'first cycle' : `first ${n} cycles`;
      return [
        {
          field: 'type',
          message: `This is cycle ${cycle}, and your guiding principles allow only committed objectives in the ${which}.`,
          suggestion: 'Make it committed with a target you are confident of reaching; save aspirational objectives for a later cycle.',
        },
      ];
    }
    const share = context.cycleAspirationalShare;
    if (share !== undefined && share > policy.maxAspirationalShare + FLOAT_EPSILON) {
      return [
        {
          field: 'type',
          message: `${formatShare(share)} of this cycle’s objectives would be aspirational; your guiding principles allow at most ${formatShare(policy.maxAspirationalShare)}.`,
          suggestion: 'Make this objective committed, or another one, so most of the cycle is what you promise to deliver.',
        },
      ];
    }
    return [];
  },
};

const BRING_BACK =
  'If a number has drifted out of its healthy range, make bringing it back the key result: “Reply time from 9 back to 4 hours”.';
const KPI_SUGGESTION = `Track it as a KPI, a health metric you watch every week. ${BRING_BACK}`;

export const maintainIsKpi: QualityRule = {
  id: 'maintain-is-kpi',
  title: 'Maintaining a level is a KPI',
  defaultSeverity: 'tip',
  why: 'OKRs are for the changes you want to make; keeping a healthy number healthy is business as usual, which KPIs track. Maintain-type key results fill an objective without moving it forward.',
  weakExample: 'Keep first reply time under 4 hours',
  strongExample: 'Cut first reply time from 9 to 4 hours (and then watch it as a KPI)',
  check(objective) {
    const thresholds = objective.keyResults.filter((kr) => kr.kind === 'threshold').length;
    // Every key result only holds a level: the objective itself is a KPI dashboard.
    if (thresholds > 0 && thresholds === objective.keyResults.length) {
      return [
        {
          field: 'keyResults',
          message: `All ${plural(thresholds, 'key result')} of this objective only keep a number within limits: it describes business as usual, not a change.`,
          suggestion: `Track these as KPIs and write the objective about what should be different at the end of the cycle. ${BRING_BACK}`,
        },
      ];
    }
    return eachKeyResult(objective, (kr, index): RuleFinding[] =>
      kr.kind !== 'threshold'
        ? []
        : [
            {
              field: krField(index, 'kind'),
              message: `${krName(kr, index)} keeps a number within limits: that is business as usual rather than a change.`,
              suggestion: KPI_SUGGESTION,
            },
          ],
    );
  },
};
