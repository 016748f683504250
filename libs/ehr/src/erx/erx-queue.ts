import type { Traced } from '@pharmacy/platform';

export const ERX_QUEUE = 'erx-submission';

export type ErxJobData = Traced<{ readonly prescriptionId: string }>;

/** One submission per prescription, whoever enqueues it and however often. */
export const erxJobId = (prescriptionId: string) => `erx-${prescriptionId}`;
