import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { ApprovePrescriptionRequestCommand } from './approve-prescription-request.command';
import { refusedAsHttp, ReviewGate } from './review-gate';
import { ApprovalView } from './review.views';

/**
 * Approves a request and writes its prescription. The eRx submission is not queued here: it
 * follows from the approval event after commit, so a rolled-back approval sends nothing.
 */
@Publishes(PrescriptionRequestApprovedEvent)
@CommandHandler(ApprovePrescriptionRequestCommand)
export class ApprovePrescriptionRequestHandler implements ICommandHandler<ApprovePrescriptionRequestCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly gate: ReviewGate,
    private readonly ehr: EhrRepository,
    private readonly events: EventBus,
  ) {}

  execute(command: ApprovePrescriptionRequestCommand): Promise<ApprovalView> {
    const { providerId, requestId, sig, refills } = command;
    return this.unitOfWork.run(async () => {
      const { encounter, request, reviewer } = await this.gate.open(requestId, providerId);
      const decision = refusedAsHttp(() => encounter.approve(request, reviewer, { sig, refills }));
      const { prescription } = decision;
      await this.ehr.insertPrescription(prescription);
      // Logged after the commit, and before the events it causes.
      await this.unitOfWork.afterCommit(() =>
        this.logger.log(
          { orderUuid: encounter.orderUuid, prescriptionId: prescription.id },
          `Request ${request.id} approved; prescription ${prescription.id} created`,
        ),
      );
      await this.events.publish(
        new PrescriptionRequestApprovedEvent({
          prescriptionRequestId: request.id,
          prescriptionId: prescription.id,
          encounterId: encounter.id,
          orderUuid: encounter.orderUuid,
          orderItemUuid: request.orderItemUuid,
        }),
      );
      await this.gate.close(encounter, request, decision);
      return {
        request: { id: request.id, status: request.status },
        prescription: { id: prescription.id, status: prescription.status },
      };
    });
  }
}
