import type { Traced } from '@pharmacy/platform';

export const ERX_QUEUE = 'erx-submission';

/** `orderUuid` rides along only so the worker's log lines name the order they serve. */
export type ErxJobData = Traced<{ readonly prescriptionId: string; readonly orderUuid?: string }>;

/** One submission per prescription, whoever enqueues it and however often. */
export const erxJobId = (prescriptionId: string) => `erx-${prescriptionId}`;
