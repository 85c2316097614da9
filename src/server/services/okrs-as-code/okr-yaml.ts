import { parse } from 'yaml';
import { z } from 'zod';
import { KEY_RESULT_KINDS, OBJECTIVE_TYPES } from '../../../domain/vocabulary.js';
import { AppError } from '../../errors.js';

const key = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'A key is letters, digits, ".", "_" or "-" (stable: it names the row across applies)');
const number = z.number().finite();

const keyResult = z
  .object({
    key,
    title: z.string().min(1),
    owner: z.email().optional(),
    kind: z.enum(KEY_RESULT_KINDS).default('metric'),
    unit: z.string().optional(),
    start: number.optional(),
    target: number.optional(),
    current: number.optional(),
    weight: number.positive().optional(),
    milestones: z.array(z.string().min(1)).optional(),
  })
  .strict();

const objective = z
  .object({
    key,
    title: z.string().min(1),
    description: z.string().optional(),
    level: z.enum(['company', 'team', 'individual']).default('team'),
    team: z.string().optional(),
    owner: z.email().optional(),
    type: z.enum(OBJECTIVE_TYPES).default('committed'),
    weight: number.positive().optional(),
    /** Keys of the objectives or key results this objective aligns to. */
    alignsTo: z.array(key).default([]),
    keyResults: z.array(keyResult).default([]),
  })
  .strict();

/** The OKRs-as-code file: one cycle's objectives and key results, each with a stable key. */
export const okrDocumentSchema = z
  .object({
    version: z.literal(1),
    cycle: z.object({ name: z.string().min(1), start: z.iso.date().optional(), end: z.iso.date().optional() }).strict(),
    objectives: z.array(objective),
  })
  .strict();

export type OkrDocument = z.output<typeof okrDocumentSchema>;
export type OkrObjective = OkrDocument['objectives'][number];

/** Reads an OKRs-as-code YAML file; an unknown key or a wrong value is refused naming its path (`objectives[0].keyResults[1].titel`). */
export function readOkrYaml(text: string): OkrDocument {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new AppError('validation-failed', `Not valid YAML: ${(error as Error).message}`, [
      { field: 'file', message: (error as Error).message },
    ]);
  }
  const parsed = okrDocumentSchema.safeParse(raw);
  if (parsed.success) return checkKeys(parsed.data);
  const errors = parsed.error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (at, part) => (typeof part === 'number' ? `${at}[${part}]` : at ? `${at}.${String(part)}` : String(part)),
      '',
    );
    const field = issue.code === 'unrecognized_keys' ? [path, issue.keys[0]].filter(Boolean).join('.') : path || 'file';
    return { field, message: issue.code === 'unrecognized_keys' ? `Unknown key "${issue.keys[0]}".` : issue.message };
  });
  throw new AppError('validation-failed', errors[0]!.message, errors);
}

/** Keys are unique in the file, and every alignment names one of them. */
function checkKeys(document: OkrDocument): OkrDocument {
  const seen = new Set<string>();
  const errors: { field: string; message: string }[] = [];
  document.objectives.forEach((o, i) => {
    for (const [field, k] of [
      [`objectives[${i}].key`, o.key],
      ...o.keyResults.map((kr, j) => [`objectives[${i}].keyResults[${j}].key`, kr.key]),
    ]) {
      if (seen.has(k!)) errors.push({ field: field!, message: `The key "${k}" is used twice.` });
      seen.add(k!);
    }
  });
  document.objectives.forEach((o, i) =>
    o.alignsTo.forEach((k, j) => {
      if (!seen.has(k))
        errors.push({ field: `objectives[${i}].alignsTo[${j}]`, message: `No objective or key result has the key "${k}".` });
    }),
  );
  if (errors.length > 0) throw new AppError('validation-failed', errors[0]!.message, errors);
  return document;
}
