/**
 * Output or outcome? Telling "what we will do" from "what will change".
 *
 * A key result that names work ("Launch the partner portal") measures effort;
 * one that names a change ("Partner-sourced deals from 5 to 20") measures
 * impact. The test looks at the leading verb, at phrases that centre on
 * delivery ("… went live"), and at signs of an outcome metric that excuse both.
 */
import { anyOf, numberMatches, statesChange, words } from './wording.js';

// Base forms only: "Hire 5 engineers" is an activity, while "Hiring lead
// time from 60 to 30 days" is a measure that happens to start with a gerund.
const OUTPUT_VERBS = new Set([
  'launch',
  'implement',
  'build',
  'ship',
  'release',
  'deliver',
  'create',
  'write',
  'complete',
  'finish',
  'migrate',
  'deploy',
  'hire',
  'hold',
  'run',
  'organise',
  'organize',
  'host',
  'conduct',
  'publish',
  'introduce',
  'develop',
  'design',
  'redesign',
  'rebuild',
  'finalise',
  'finalize',
  'install',
  'integrate',
  'prepare',
  'produce',
  'send',
  'train',
  'document',
  'automate',
  'start',
  'attend',
  'rewrite',
  'refactor',
  'upgrade',
]);
const OUTPUT_PHRASES = /^(?:set up|roll out|go live|kick off|put in place|sign off)\b/;

// Delivery stated as done, anywhere in the title: "New checkout launched".
const DELIVERED = new RegExp(
  String.raw`\b${anyOf([
    'launched',
    'shipped',
    'released',
    'implemented',
    'deployed',
    'delivered',
    'completed',
    'finished',
    'migrated',
    'rolled out',
    'went live',
    'goes live',
    'is live',
    'are live',
    'live by',
    'set up',
    'published',
    'held',
  ])}\b`,
);

// Filler before the verb: "We will launch…", "Successfully ship…".
const LEADING_FILLER = /^(?:[-*•]|\d+[.)]|we(?: will|'ll| are going to)?|to|successfully|fully|finally)\s+/;

// Words that name a business or customer measure; with a number they make
// the title an outcome even when a delivery verb leads.
const OUTCOME_WORDS = new Set([
  'rate',
  'retention',
  'churn',
  'nps',
  'csat',
  'satisfaction',
  'revenue',
  'arr',
  'mrr',
  'conversion',
  'activation',
  'adoption',
  'engagement',
  'latency',
  'uptime',
  'availability',
  'cost',
  'costs',
  'margin',
  'share',
  'score',
  'usage',
  'time',
  'signups',
  'sign-ups',
  'dau',
  'mau',
  'wau',
  'ltv',
  'cac',
  'gmv',
  'sales',
  'profit',
  'bookings',
  'pipeline',
  'errors',
]);
const SHARE_OF_PEOPLE = new RegExp(
  String.raw`\d\s?%\s+of\s+(?:[\p{L}-]+\s+)?${anyOf([
    'users',
    'customers',
    'accounts',
    'visitors',
    'teams',
    'clients',
    'members',
    'employees',
    'buyers',
    'subscribers',
    'tickets',
    'orders',
    'requests',
    'sessions',
    'deals',
  ])}\b`,
  'u',
);

/** The title without list markers or "we will", lowercased. */
function stripFiller(title: string): string {
  let text = title.trim().toLowerCase();
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(LEADING_FILLER, '');
  }
  return text;
}

/** The delivery verb or phrase a title starts with ("launch", "set up"), if any. */
export function leadingOutputVerb(title: string): string | null {
  const text = stripFiller(title);
  const phrase = OUTPUT_PHRASES.exec(text);
  if (phrase !== null) return phrase[0];
  const first = words(text)[0];
  return first !== undefined && OUTPUT_VERBS.has(first) ? first : null;
}

// Verbs that open a change: "Reduce release lead time…" is about lead time.
const CHANGE_VERB = new RegExp(
  `^${anyOf([
    'improv',
    'increas',
    'rais',
    'reduc',
    'lower',
    'cut',
    'decreas',
    'grow',
    'boost',
    'doubl',
    'halv',
    'tripl',
    'keep',
    'maintain',
    'reach',
    'retain',
    'convert',
    'win',
    'acquir',
    'attract',
    'save',
    'shorten',
    'speed',
    'lift',
    'drive',
  ])}`,
);

/** Starts with a verb of change: the rest names what changes, not a task. */
export function startsWithChange(title: string): boolean {
  const first = words(stripFiller(title))[0];
  return first !== undefined && CHANGE_VERB.test(first);
}

/** The "…launched / went live" phrase a title centres on, if any. */
export function deliveryPhrase(title: string): string | null {
  return DELIVERED.exec(title.toLowerCase())?.[0] ?? null;
}

/**
 * Does the title state an outcome metric: a change ("from 5 to 20", "→ 45%")
 * or a measure word next to a number ("NPS of 50")? With `sharesCount`, a
 * share of people or things ("30% of users") counts too; it does not excuse a
 * leading delivery verb, since "Migrate 100% of customers" is still a task.
 */
export function statesOutcome(title: string, sharesCount = true): boolean {
  if (statesChange(title)) return true;
  if (sharesCount && SHARE_OF_PEOPLE.test(title.toLowerCase())) return true;
  return hasNumberedMeasure(title);
}

// A measure word within three words of a number: "NPS of 50", "99.9% uptime".
// Further apart, the number usually counts work ("Run 5 workshops to cut
// onboarding time").
function hasNumberedMeasure(title: string): boolean {
  const lower = title.toLowerCase();
  const wordAt = (index: number): number => lower.slice(0, index).split(/\s+/).length - 1;
  const numbers = numberMatches(lower).map((match) => wordAt(match.index));
  const tokens = lower.split(/\s+/);
  const measures = tokens.flatMap((token, i) => (words(token).some((word) => OUTCOME_WORDS.has(word)) ? [i] : []));
  return numbers.some((n) => measures.some((m) => Math.abs(n - m) <= 3));
}
