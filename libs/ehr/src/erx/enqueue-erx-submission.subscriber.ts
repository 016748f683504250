import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import { enqueueJob, JOB_POLICY, jobOptions, withTrace } from '@pharmacy/platform';
import type { JobPolicy } from '@pharmacy/platform';
import { Queue } from 'bullmq';
import { ERX_QUEUE, ErxJobData, erxJobId } from './erx-queue';

/** Queues the eRx submission of an approved prescription, after the approval has committed. */
@Injectable()
export class EnqueueErxSubmissionSubscriber {
  constructor(
    @InjectQueue(ERX_QUEUE) private readonly queue: Queue<ErxJobData>,
    @Inject(JOB_POLICY) private readonly policy: JobPolicy,
  ) {}

  async handle(event: PrescriptionRequestApprovedEvent): Promise<void> {
    const { prescriptionId, orderUuid } = event.payload;
    await enqueueJob(
      this.queue,
      'submit-prescription',
      withTrace({ prescriptionId, orderUuid }),
      jobOptions(this.policy, erxJobId(prescriptionId)),
    );
  }
}
