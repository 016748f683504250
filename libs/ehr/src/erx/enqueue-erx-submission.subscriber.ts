import { Injectable } from '@nestjs/common';
import { PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import { ErxSubmissions } from './erx-submissions';

/** Queues the eRx submission of an approved prescription, after the approval has committed. */
@Injectable()
export class EnqueueErxSubmissionSubscriber {
  constructor(private readonly submissions: ErxSubmissions) {}

  async handle(event: PrescriptionRequestApprovedEvent): Promise<void> {
    const { prescriptionId, orderUuid } = event.payload;
    await this.submissions.enqueue(prescriptionId, orderUuid);
  }
}
