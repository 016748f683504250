"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withTrace = withTrace;
exports.runInJobTrace = runInJobTrace;
const trace_context_1 = require("../context/trace-context");
function withTrace(data) {
    return { ...data, trace: trace_context_1.Trace.current() };
}
/** Runs a job's work as part of the trace that enqueued it; the job itself is the cause. */
function runInJobTrace(job, work) {
    const correlationId = job.data.trace?.correlationId ?? trace_context_1.Trace.fresh().correlationId;
    return trace_context_1.Trace.run({ correlationId, causationId: job.id ?? null }, work);
}
