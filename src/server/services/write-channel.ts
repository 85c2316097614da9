import { AsyncLocalStorage } from 'node:async_hooks';
import type { WriteChannel } from '../../domain/write-channels.js';

// Request context rather than a parameter: the same services serve the web, the API and MCP, and
// threading a channel through every write (and its ~100 activity rows) would change them all for one label.
const channel = new AsyncLocalStorage<WriteChannel>();

/** Runs `work` so that every activity row it records says it was made through `via`. */
export const writingThrough = <T>(via: WriteChannel, work: () => Promise<T>): Promise<T> => channel.run(via, work);

/** The channel of the write in progress; null for the web app and the API. */
export const currentWriteChannel = (): WriteChannel | null => channel.getStore() ?? null;
