import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EncounterCompletedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { Encounter, RefusalReason } from '../encounter.entity';
import { PrescriptionRequest } from '../prescription-request.entity';

const REFUSALS: Record<RefusalReason, (request: PrescriptionRequest) => Error> = {
  'not-licensed': () =>
    new ForbiddenException("You are not licensed in this order's fulfillment state."),
  'owned-by-another-provider': () =>
    new ForbiddenException('Another provider is already reviewing this encounter.'),
  'not-pending': (request) =>
    new ConflictException(`This prescription request is already ${request.status}.`),
};

/**
 * What approving and rejecting share: the request is found with its encounter locked, the
 * provider is checked against the rules, and the encounter completes on its last decision.
 */
@Publishes(EncounterCompletedEvent)
@Injectable()
export class ReviewGate {
  constructor(
    private readonly ehr: EhrRepository,
    private readonly events: EventBus,
  ) {}

  async open(
    requestId: string,
    providerId: string,
  ): Promise<{ encounter: Encounter; request: PrescriptionRequest }> {
    const found = await this.ehr.findRequestForDecision(requestId);
    if (!found) throw new NotFoundException(`Prescription request ${requestId} was not found.`);
    const refusal = found.encounter.refusalFor(
      found.request,
      providerId,
      await this.ehr.licensedStates(providerId),
    );
    if (refusal) throw REFUSALS[refusal](found.request);
    return found;
  }

  async close(encounter: Encounter, request: PrescriptionRequest): Promise<void> {
    const completed = encounter.completeIfAllDecided();
    await this.ehr.saveDecision(encounter, request);
    if (!completed) return;
    await this.events.publish(
      new EncounterCompletedEvent({
        encounterId: encounter.id,
        orderUuid: encounter.orderUuid,
        approvedOrderItemUuids: encounter.itemsWith('approved'),
        rejectedOrderItemUuids: encounter.itemsWith('rejected'),
      }),
    );
  }
}
