import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
type View = types.View;
import { CONFIDENCE_MAX, CONFIDENCE_MIN } from '../../../domain/validation.js';
import type { CheckInFields } from '../okrs/check-ins.js';
import type { MyKeyResult } from './my-key-results.js';

/** The action on a reminder's button and the modal it opens: both carry the key result's id. */
export const CHECK_IN_ACTION = 'cairn_check_in';
export const CHECK_IN_VIEW = 'cairn_check_in_modal';

const STATUS_WORDS: Record<string, string> = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' };
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** "Cut churn to 2% (Keep customers): 40%, at risk, check-in due". */
export function describeForSlack(kr: Pick<MyKeyResult, 'title' | 'objectiveTitle' | 'progress' | 'status' | 'stale'>): string {
  const status = kr.status ? (STATUS_WORDS[kr.status] ?? kr.status.replace(/_/g, ' ')) : 'draft';
  return `${kr.title} (${kr.objectiveTitle}): ${percent(kr.progress)}, ${status}${kr.stale ? ', check-in due' : ''}`;
}

/** The answer to `/cairn`: one line per key result, each with its Check in button. */
export function myKeyResultsMessage(list: MyKeyResult[], publicUrl: string): { text: string; blocks: KnownBlock[] } {
  if (list.length === 0) return { text: `You own no key results on published objectives. ${publicUrl}`, blocks: [] };
  const text = [`Your key results (${list.length}):`, ...list.map((kr) => `• ${describeForSlack(kr)}`)].join('\n');
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*Your key results* (${list.length})` } }, ...checkInRows(list)],
  };
}

/** One section per key result with a **Check in** button whose value is the key result's id. */
export function checkInRows(list: Pick<MyKeyResult, 'id' | 'title' | 'objectiveTitle' | 'progress' | 'status' | 'stale'>[]): KnownBlock[] {
  return list.slice(0, 40).map((kr) => ({
    type: 'section',
    block_id: `kr-${kr.id}`,
    text: { type: 'mrkdwn', text: describeForSlack(kr) },
    accessory: { type: 'button', action_id: CHECK_IN_ACTION, value: kr.id, text: { type: 'plain_text', text: 'Check in' } },
  }));
}

const input = (blockId: string, label: string, element: Record<string, unknown>, optional = true) =>
  ({
    type: 'input',
    block_id: blockId,
    optional,
    label: { type: 'plain_text', text: label },
    element: { action_id: blockId, ...element },
  }) as KnownBlock;

/** The check-in modal for one key result: its value or milestones, then confidence, note and blockers. */
export function checkInModal(kr: Pick<MyKeyResult, 'id' | 'title' | 'kind' | 'unit' | 'currentValue' | 'milestones'>): View {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: `*${kr.title}*` } }];
  if (kr.kind === 'metric' || kr.kind === 'threshold')
    blocks.push(
      input(
        'value',
        kr.unit ? `Current value (${kr.unit})` : 'Current value',
        {
          type: 'number_input',
          is_decimal_allowed: true,
          ...(kr.currentValue !== null ? { initial_value: String(kr.currentValue) } : {}),
        },
        false,
      ),
    );
  if (kr.kind === 'milestone' && kr.milestones?.length) {
    const options = kr.milestones.map((m, i) => ({ text: { type: 'plain_text', text: m.title.slice(0, 75) }, value: String(i) }));
    const initial = options.filter((_, i) => kr.milestones![i]!.done);
    blocks.push(
      input('milestones', 'Milestones done', { type: 'checkboxes', options, ...(initial.length ? { initial_options: initial } : {}) }),
    );
  }
  const confidence = Array.from({ length: CONFIDENCE_MAX - CONFIDENCE_MIN + 1 }, (_, i) => String(CONFIDENCE_MIN + i));
  blocks.push(
    input('confidence', `Confidence (${CONFIDENCE_MIN}–${CONFIDENCE_MAX})`, {
      type: 'static_select',
      options: confidence.map((c) => ({ text: { type: 'plain_text', text: c }, value: c })),
    }),
    input('note', 'Note', { type: 'plain_text_input', multiline: true, max_length: 3000 }),
    input('blockers', 'Blockers', { type: 'plain_text_input', multiline: true, max_length: 3000 }),
  );
  return {
    type: 'modal',
    callback_id: CHECK_IN_VIEW,
    private_metadata: kr.id,
    title: { type: 'plain_text', text: 'Check in' },
    submit: { type: 'plain_text', text: 'Save check-in' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks,
  };
}

/** A submitted element's state, as Slack sends it in view.state.values[block][action]. */
export interface SubmittedValue {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
}
export type SubmittedState = Record<string, Record<string, SubmittedValue>>;

const text = (state: SubmittedState, block: string) => {
  const raw = state[block]?.[block]?.value?.trim();
  return raw ? raw : null;
};

/** The check-in the modal describes, or the block to flag: bad numbers never reach the service. */
export function readCheckInSubmission(
  state: SubmittedState,
  kr: { kind: string; milestoneCount: number },
): { fields: CheckInFields } | { errors: Record<string, string> } {
  const fields: CheckInFields = { note: text(state, 'note'), blockers: text(state, 'blockers') };
  if (kr.kind === 'metric' || kr.kind === 'threshold') {
    const raw = text(state, 'value');
    const value = raw === null ? NaN : Number(raw);
    if (!Number.isFinite(value)) return { errors: { value: 'Enter the current value as a number.' } };
    fields.value = value;
  }
  if (kr.kind === 'milestone') {
    const done = new Set((state.milestones?.milestones?.selected_options ?? []).map((o) => Number(o.value)));
    fields.milestonesDone = Array.from({ length: kr.milestoneCount }, (_, i) => done.has(i));
  }
  const confidence = state.confidence?.confidence?.selected_option?.value;
  if (confidence !== undefined) fields.confidence = Number(confidence);
  return { fields };
}
