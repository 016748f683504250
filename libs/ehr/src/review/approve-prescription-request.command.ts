import { Command } from '@nestjs/cqrs';
import type { ApprovalView } from './review.views';

export class ApprovePrescriptionRequestCommand extends Command<ApprovalView> {
  constructor(
    readonly providerId: string,
    readonly requestId: string,
    readonly sig: string,
    readonly refills: number,
  ) {
    super();
  }
}
