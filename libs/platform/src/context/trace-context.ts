import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Who caused the work that is running now. An HTTP request starts a trace; each event handler
 * and each job continues it, so every event and job carries the id of the request that began it.
 */
export interface TraceContext {
  /** Shared by everything one request (or job chain) causes. */
  readonly correlationId: string;
  /** The id of the event or message that directly caused the current work, if any. */
  readonly causationId: string | null;
}

const storage = new AsyncLocalStorage<TraceContext>();

export const Trace = {
  current(): TraceContext | undefined {
    return storage.getStore();
  },

  run<T>(context: TraceContext, work: () => T): T {
    return storage.run(context, work);
  },

  /** A fresh trace for work that no request or event caused (a timer, a CLI). */
  fresh(): TraceContext {
    return { correlationId: randomUUID(), causationId: null };
  },
};
