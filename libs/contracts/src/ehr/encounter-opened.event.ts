import { DomainEvent } from '@pharmacy/platform';

/** An order's prescription items await a provider's review. */
export class EncounterOpenedEvent extends DomainEvent<{
  readonly encounterId: string;
  readonly orderUuid: string;
  readonly prescriptionRequestIds: readonly string[];
}> {
  static readonly type = 'ehr.encounter-opened';
  static readonly version = 1;
}
