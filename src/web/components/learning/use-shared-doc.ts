import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { fetchRetrospective, retroKeys, sendRetrospectiveUpdate } from '../../api/learning.js';
import { RETROSPECTIVE_TEXTS, type RetrospectiveText } from '../../../domain/retrospective-fields.js';

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const SEND_AFTER_MS = 300;
/** A refused or lost update is sent again after this, even when nobody types any more. */
const RETRY_AFTER_MS = 2_000;
const REMOTE = 'remote';

type Texts = Record<RetrospectiveText, string>;
const textsOf = (doc: Y.Doc) => Object.fromEntries(RETROSPECTIVE_TEXTS.map((name) => [name, doc.getText(name).toString()])) as Texts;

/** Replaces `before` by `after` in a Y.Text as one edit in the middle, so concurrent edits elsewhere survive. */
function applyEdit(text: Y.Text, before: string, after: string) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end += 1;
  if (before.length - start - end > 0) text.delete(start, before.length - start - end);
  if (after.length - start - end > 0) text.insert(start, after.slice(start, after.length - end));
}

/**
 * A retrospective's Y.Doc, co-edited: local edits go to the server as Yjs updates (what the server has not
 * acknowledged yet, so a refused or lost update is sent again with the next one); when the live-event stream says the
 * retrospective changed, the merged state is fetched and applied, and its details (participants, who may edit) are
 * refetched. Yjs merges make the order of all this irrelevant. An update that failed is sent again on a timer, so the
 * last words typed reach the others even when nobody types after a failure.
 */
export function useSharedDoc(id: string) {
  const queryClient = useQueryClient();
  const doc = useRef(new Y.Doc()).current;
  const acked = useRef<Uint8Array>(Y.encodeStateVector(doc));
  const [texts, setTexts] = useState<Texts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const pull = useCallback(async () => {
    const retro = await fetchRetrospective(id);
    if (retro.state) Y.applyUpdate(doc, fromBase64(retro.state), REMOTE);
    setTexts(textsOf(doc));
    queryClient.setQueryData(retroKeys.one(id), retro);
  }, [doc, id, queryClient]);

  const push = useCallback(async (): Promise<void> => {
    const vector = Y.encodeStateVector(doc);
    try {
      await sendRetrospectiveUpdate(id, toBase64(Y.encodeStateAsUpdate(doc, acked.current)));
      acked.current = vector;
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not save.');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void push(), RETRY_AFTER_MS);
    }
  }, [doc, id]);

  useEffect(() => {
    void pull();
    const source = new EventSource('/api/v1/events');
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as { type: string; entityId: string | null };
      if ((event.type === 'retrospective' && event.entityId === id) || event.type === 'ready') {
        void pull();
      }
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) setTexts(textsOf(doc));
    };
    doc.on('update', onUpdate);
    return () => {
      source.close();
      doc.off('update', onUpdate);
      clearTimeout(timer.current);
    };
  }, [doc, id, pull]);

  const edit = useCallback(
    (name: RetrospectiveText, value: string) => {
      applyEdit(doc.getText(name), doc.getText(name).toString(), value);
      setTexts(textsOf(doc));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void push(), SEND_AFTER_MS);
    },
    [doc, push],
  );

  return { texts, edit, error };
}
