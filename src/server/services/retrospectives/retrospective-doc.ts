import * as Y from 'yjs';
import { RETROSPECTIVE_FIELD_MAX } from '../../../domain/learning-vocabulary.js';
import { lessonsFromLines, validateLessons } from '../../../domain/lessons.js';
import { RETROSPECTIVE_TEXTS, type RetrospectiveText } from '../../../domain/retrospective-fields.js';
import { invalid, invalidFields } from '../../errors.js';

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * The stored document with one more update applied (Yjs merges are order-free and idempotent, so updates from
 * several editors can arrive in any order, twice). Returns the new state and the texts read out of it; refuses
 * (changing nothing) an update that is not Yjs, or leaves a text or a lesson over its limit.
 */
export function applyRetrospectiveUpdate(state: string, update: string) {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, decode(state));
    Y.applyUpdate(doc, decode(update));
  } catch {
    throw invalid('update', 'This is not a Yjs update of this retrospective.');
  }
  const texts = Object.fromEntries(RETROSPECTIVE_TEXTS.map((name) => [name, doc.getText(name).toString()])) as Record<
    RetrospectiveText,
    string
  >;
  for (const name of RETROSPECTIVE_TEXTS) {
    if (texts[name].length > RETROSPECTIVE_FIELD_MAX) throw invalid(name, `must be at most ${RETROSPECTIVE_FIELD_MAX} characters`);
  }
  const lessons = lessonsFromLines(texts.lessons);
  const problems = validateLessons(lessons);
  if (problems.length > 0) throw invalidFields(problems);
  return { state: encode(Y.encodeStateAsUpdate(doc)), texts, lessons };
}
