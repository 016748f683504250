import { DomainEvent } from '@pharmacy/platform';

/** A provider approved one prescription item; a prescription now exists for it. */
export class PrescriptionRequestApprovedEvent extends DomainEvent<{
  readonly prescriptionRequestId: string;
  readonly prescriptionId: string;
  readonly encounterId: string;
  readonly orderUuid: string;
  readonly orderItemUuid: string;
}> {
  static readonly type = 'ehr.prescription-request-approved';
  static readonly version = 1;
}
