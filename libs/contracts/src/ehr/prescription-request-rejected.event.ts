import { DomainEvent } from '@pharmacy/platform';

/** A provider declined to prescribe one item. */
export class PrescriptionRequestRejectedEvent extends DomainEvent<{
  readonly prescriptionRequestId: string;
  readonly encounterId: string;
  readonly orderUuid: string;
  readonly orderItemUuid: string;
  readonly reason: string;
}> {
  static readonly type = 'ehr.prescription-request-rejected';
  static readonly version = 1;
}
