import { AsyncLocalStorage } from 'node:async_hooks';
import type { NotifyContext } from '../notifications/notify.js';

/**
 * What an OKR write made over HTTP may need without being passed it: notify()'s context (links,
 * signing, the time), and a note of whom it notified, so the HTTP layer can tell their open pages
 * once the transaction has committed. The OKR services keep their signatures; the HTTP layer opens
 * one around each OKR write (src/server/http/social/okr-writes.ts). Outside a request it is absent.
 */
export interface WriteContext {
  notify: NotifyContext;
  notified: Set<string>;
}

export const writeContexts = new AsyncLocalStorage<WriteContext | undefined>();

export const currentWriteContext = (): WriteContext | undefined => writeContexts.getStore();
