import { EncounterCompletedEvent, PrescriptionRequestApprovedEvent } from '@pharmacy/contracts';
import type { DomainEvent } from '@pharmacy/platform';

export type Arrival = 'approvals-first' | 'completion-first';

/**
 * The EHR's messages approving every item of an order and completing its encounter, in the
 * order a test wants Orders to receive them. Synthetic: the prescriptions they name do not exist.
 */
export function approvalMessages(
  orderUuid: string,
  encounterId: string,
  itemUuids: readonly string[],
  arrival: Arrival,
): DomainEvent[] {
  const approvals = itemUuids.map(
    (orderItemUuid) =>
      new PrescriptionRequestApprovedEvent({
        prescriptionRequestId: orderItemUuid,
        prescriptionId: orderItemUuid,
        encounterId,
        orderUuid,
        orderItemUuid,
      }),
  );
  const completed = new EncounterCompletedEvent({
    encounterId,
    orderUuid,
    approvedOrderItemUuids: [...itemUuids],
    rejectedOrderItemUuids: [],
  });
  return arrival === 'approvals-first' ? [...approvals, completed] : [completed, ...approvals];
}
