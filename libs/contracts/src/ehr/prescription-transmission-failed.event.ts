import { DomainEvent } from '@pharmacy/platform';

/** The eRx network refused the prescription, or every retry failed. */
export class PrescriptionTransmissionFailedEvent extends DomainEvent<{
  readonly prescriptionId: string;
  readonly reason: string;
}> {
  static readonly type = 'ehr.prescription-transmission-failed';
  static readonly version = 1;
}
