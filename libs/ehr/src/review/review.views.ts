import { ApiProperty } from '@nestjs/swagger';
import { PRESCRIPTION_STATUSES, REQUEST_STATUSES } from '../statuses';
import type { PrescriptionStatus, RequestStatus } from '../statuses';

export class DecidedRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ type: String, nullable: true, required: false }) reason?: string | null;
}

export class CreatedPrescriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PRESCRIPTION_STATUSES }) status!: PrescriptionStatus;
}

export class ApprovalView {
  @ApiProperty() request!: DecidedRequestView;
  @ApiProperty() prescription!: CreatedPrescriptionView;
}

export class RejectionView {
  @ApiProperty() request!: DecidedRequestView;
}
