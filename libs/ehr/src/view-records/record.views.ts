import { ApiProperty } from '@nestjs/swagger';
import { Encounter } from '../encounter.entity';
import { PrescriptionRequest } from '../prescription-request.entity';
import { Prescription } from '../prescription.entity';
import { ENCOUNTER_STATUSES, PRESCRIPTION_STATUSES, REQUEST_STATUSES } from '../statuses';
import type { EncounterStatus, PrescriptionStatus, RequestStatus } from '../statuses';

export class PrescriptionRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) encounterId!: string;
  @ApiProperty({ format: 'uuid' }) orderUuid!: string;
  @ApiProperty({ format: 'uuid' }) orderItemUuid!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'CA' }) fulfillmentState!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
}

export class PrescriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) prescriptionRequestId!: string;
  @ApiProperty({ format: 'uuid' }) encounterId!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ format: 'uuid' }) providerId!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() sig!: string;
  @ApiProperty() refills!: number;
  @ApiProperty({ enum: PRESCRIPTION_STATUSES }) status!: PrescriptionStatus;
  @ApiProperty({ type: String, nullable: true }) erxReference!: string | null;
  @ApiProperty({ type: String, nullable: true }) failureReason!: string | null;
}

export class EncounterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderUuid!: string;
  @ApiProperty({ format: 'uuid' }) patientId!: string;
  @ApiProperty({ example: 'CA' }) fulfillmentState!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) providerId!: string | null;
  @ApiProperty({ enum: ENCOUNTER_STATUSES }) status!: EncounterStatus;
  @ApiProperty({ type: [PrescriptionRequestView] }) requests!: PrescriptionRequestView[];
  @ApiProperty({ type: [PrescriptionView] }) prescriptions!: PrescriptionView[];
}

export function toRequestView(
  request: PrescriptionRequest,
  encounter: Encounter,
): PrescriptionRequestView {
  return {
    id: request.id,
    encounterId: encounter.id,
    orderUuid: encounter.orderUuid,
    orderItemUuid: request.orderItemUuid,
    productId: request.productId,
    quantity: request.quantity,
    patientId: encounter.patientId,
    fulfillmentState: encounter.fulfillmentState,
    status: request.status,
    rejectionReason: request.rejectionReason,
  };
}

export function toPrescriptionView(p: Prescription): PrescriptionView {
  return {
    id: p.id,
    prescriptionRequestId: p.prescriptionRequestId,
    encounterId: p.encounterId,
    patientId: p.patientId,
    providerId: p.providerId,
    productId: p.productId,
    sig: p.sig,
    refills: p.refills,
    status: p.status,
    erxReference: p.erxReference,
    failureReason: p.failureReason,
  };
}
