import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EncounterOpenedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes, UnitOfWork } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { Encounter } from '../encounter.entity';
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
    const encounter = Encounter.open(order);
    if (!encounter) return Promise.resolve();

    return this.unitOfWork.run(async () => {
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
