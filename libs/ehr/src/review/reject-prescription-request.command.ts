import { Command } from '@nestjs/cqrs';
import type { RejectionView } from './review.views';

export class RejectPrescriptionRequestCommand extends Command<RejectionView> {
  constructor(
    readonly providerId: string,
    readonly requestId: string,
    readonly reason: string,
  ) {
    super();
  }
}
