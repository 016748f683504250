import { DomainEvent } from '@pharmacy/platform';

/** The eRx network accepted the prescription. */
export class PrescriptionTransmittedEvent extends DomainEvent<{
  readonly prescriptionId: string;
  readonly erxReference: string;
}> {
  static readonly type = 'ehr.prescription-transmitted';
  static readonly version = 1;
}
