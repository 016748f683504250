import type { Queue } from 'bullmq';
import { enqueueJob } from './enqueue';

/** A queue whose Redis never answers, or answers at once: just enough of BullMQ's Queue. */
const queueThat = (add: () => Promise<unknown>) =>
  ({ name: 'erx-submission', add }) as unknown as Queue;

describe('Enqueueing a job', () => {
  it('fails within the deadline when Redis does not answer, instead of hanging', async () => {
    const never = queueThat(() => new Promise(() => undefined));
    await expect(enqueueJob(never, 'submit', {}, { jobId: 'erx-1' }, 50)).rejects.toThrow(
      'Enqueue to erx-submission timed out after 50 ms',
    );
  });

  it('resolves when the add succeeds, and passes the deterministic job id through', async () => {
    const add = jest.fn().mockResolvedValue({ id: 'erx-1' });
    await enqueueJob(queueThat(add), 'submit', { prescriptionId: 'p-1' }, { jobId: 'erx-1' }, 50);
    expect(add).toHaveBeenCalledWith('submit', { prescriptionId: 'p-1' }, { jobId: 'erx-1' });
  });

  it('reports the add failure itself when Redis refuses at once', async () => {
    const refused = queueThat(() => Promise.reject(new Error("Stream isn't writeable")));
    await expect(enqueueJob(refused, 'submit', {}, { jobId: 'erx-1' }, 50)).rejects.toThrow(
      "Stream isn't writeable",
    );
  });
});
