import { DomainEvent } from '@pharmacy/platform';

/**
 * The eRx network refused the prescription, or every retry failed. `reason` is fit for a patient;
 * the network's own words stay in EHR's logs and admin view.
 */
export class PrescriptionTransmissionFailedEvent extends DomainEvent<{
  readonly prescriptionId: string;
  readonly reason: string;
}> {
  static readonly type = 'ehr.prescription-transmission-failed';
  static readonly version = 1;
}
