import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EncounterOpenedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { randomUUID } from 'node:crypto';
import { EhrRepository } from '../ehr.repository';
import { Encounter } from '../encounter.entity';
import { PrescriptionRequest } from '../prescription-request.entity';
import { OpenEncounterCommand } from './open-encounter.command';

/** Opens one encounter per order with prescription items; a redelivered order opens nothing. */
@Publishes(EncounterOpenedEvent)
@CommandHandler(OpenEncounterCommand)
export class OpenEncounterHandler implements ICommandHandler<OpenEncounterCommand> {
  private readonly logger = new Logger('EHR');

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ehr: EhrRepository,
    private readonly events: EventBus,
  ) {}

  execute({ order }: OpenEncounterCommand): Promise<void> {
    const prescriptionItems = order.items.filter((item) => item.requiresPrescription);
    if (prescriptionItems.length === 0) return Promise.resolve();

    return this.unitOfWork.run(async () => {
      const encounter = Object.assign(new Encounter(), {
        id: randomUUID(),
        orderUuid: order.orderUuid,
        patientId: order.patientId,
        fulfillmentState: order.fulfillmentState,
        providerId: null,
        status: 'open',
        completedAt: null,
      });
      encounter.requests = prescriptionItems.map((item, position) =>
        Object.assign(new PrescriptionRequest(), {
          id: randomUUID(),
          encounterId: encounter.id,
          orderItemUuid: item.orderItemUuid,
          productId: item.productId,
          quantity: item.quantity,
          position,
          status: 'pending',
          rejectionReason: null,
          decidedBy: null,
          decidedAt: null,
        }),
      );
      if (!(await this.ehr.insertEncounterOnce(encounter))) return;
      await this.events.publish(
        new EncounterOpenedEvent({
          encounterId: encounter.id,
          orderUuid: order.orderUuid,
          prescriptionRequestIds: encounter.requests.map((request) => request.id),
        }),
      );
      // Said only once it is true: after the commit.
      await this.unitOfWork.afterCommit(() =>
        this.logger.log(
          { orderUuid: order.orderUuid, encounterId: encounter.id },
          `Encounter ${encounter.id} opened for order ${order.orderUuid}`,
        ),
      );
    });
  }
}
