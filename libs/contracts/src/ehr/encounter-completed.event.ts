import { DomainEvent } from '@pharmacy/platform';

/** Every prescription request of the encounter is decided. */
export class EncounterCompletedEvent extends DomainEvent<{
  readonly encounterId: string;
  readonly orderUuid: string;
  readonly approvedOrderItemUuids: readonly string[];
  readonly rejectedOrderItemUuids: readonly string[];
}> {
  static readonly type = 'ehr.encounter-completed';
  static readonly version = 1;
}
