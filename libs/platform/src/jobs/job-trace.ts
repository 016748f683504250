import { Trace, TraceContext } from '../context/trace-context';

/** Job data carries the trace of whoever enqueued it, so the worker's logs join the request's. */
export type Traced<T> = T & { readonly trace?: TraceContext };

export function withTrace<T extends object>(data: T): Traced<T> {
  return { ...data, trace: Trace.current() };
}

/** Runs a job's work as part of the trace that enqueued it; the job itself is the cause. */
export function runInJobTrace<R>(
  job: { id?: string; data: Traced<object> },
  work: () => Promise<R>,
): Promise<R> {
  const correlationId = job.data.trace?.correlationId ?? Trace.fresh().correlationId;
  return Trace.run({ correlationId, causationId: job.id ?? null }, work);
}
