"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JOB_POLICY = void 0;
exports.jobOptions = jobOptions;
exports.isFinalAttempt = isFinalAttempt;
exports.JOB_POLICY = Symbol('JOB_POLICY');
/** Options for a job whose id is derived from the work itself, so adding it twice adds it once. */
function jobOptions(policy, jobId) {
    return {
        jobId,
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
        removeOnComplete: { age: policy.retentionSeconds },
        removeOnFail: { age: policy.retentionSeconds },
    };
}
/** True when this failure is the job's last: no retry will follow. */
function isFinalAttempt(job) {
    return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
