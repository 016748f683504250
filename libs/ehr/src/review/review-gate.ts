import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { EncounterCompletedEvent } from '@pharmacy/contracts';
import { EventBus, Publishes } from '@pharmacy/platform';
import { EhrRepository } from '../ehr.repository';
import { DecisionRefusedError, Encounter, RefusalReason, Reviewer } from '../encounter.entity';
import { PrescriptionRequest } from '../prescription-request.entity';

const REFUSALS: Record<RefusalReason, (request: PrescriptionRequest) => Error> = {
  'not-licensed': () =>
    new ForbiddenException("You are not licensed in this order's fulfillment state."),
  'owned-by-another-provider': () =>
    new ForbiddenException('Another provider is already reviewing this encounter.'),
  'not-pending': (request) =>
    new ConflictException(`This prescription request is already ${request.status}.`),
};

/** Runs an encounter's decision, answering its refusal as the HTTP error the API documents. */
export function refusedAsHttp<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof DecisionRefusedError) throw REFUSALS[error.reason](error.request);
    throw error;
  }
}

/**
 * What approving and rejecting share: the request is found with its encounter locked and the
 * reviewer's licences; after the decision, it is saved, and the encounter's completion published.
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
  ): Promise<{ encounter: Encounter; request: PrescriptionRequest; reviewer: Reviewer }> {
    const found = await this.ehr.findRequestForDecision(requestId);
    if (!found) throw new NotFoundException(`Prescription request ${requestId} was not found.`);
    const reviewer = { id: providerId, licensedStates: await this.ehr.licensedStates(providerId) };
    return { ...found, reviewer };
  }

  /** Saves the decision; `completed` (the decision's own answer) publishes the encounter's end. */
  async close(
    encounter: Encounter,
    request: PrescriptionRequest,
    { completed }: { completed: boolean },
  ): Promise<void> {
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
