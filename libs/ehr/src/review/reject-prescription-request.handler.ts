import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionRequestRejectedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { RejectPrescriptionRequestCommand } from './reject-prescription-request.command';
import { refusedAsHttp, ReviewGate } from './review-gate';
import { RejectionView } from './review.views';

@Publishes(PrescriptionRequestRejectedEvent)
@CommandHandler(RejectPrescriptionRequestCommand)
export class RejectPrescriptionRequestHandler implements ICommandHandler<RejectPrescriptionRequestCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly gate: ReviewGate,
    private readonly events: EventBus,
  ) {}

  execute({
    providerId,
    requestId,
    reason,
  }: RejectPrescriptionRequestCommand): Promise<RejectionView> {
    return this.unitOfWork.run(async () => {
      const { encounter, request, reviewer } = await this.gate.open(requestId, providerId);
      const decision = refusedAsHttp(() => encounter.reject(request, reviewer, reason));
      // Logged after the commit, and before the events it causes.
      await this.unitOfWork.afterCommit(() =>
        this.logger.log({ orderUuid: encounter.orderUuid }, `Request ${request.id} rejected`),
      );
      await this.events.publish(
        new PrescriptionRequestRejectedEvent({
          prescriptionRequestId: request.id,
          encounterId: encounter.id,
          orderUuid: encounter.orderUuid,
          orderItemUuid: request.orderItemUuid,
          reason,
        }),
      );
      await this.gate.close(encounter, request, decision);
      return { request: { id: request.id, status: request.status, reason } };
    });
  }
}
