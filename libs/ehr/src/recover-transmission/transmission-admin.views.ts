import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Prescription } from '../prescription.entity';
import { PRESCRIPTION_STATUSES } from '../statuses';
import type { PrescriptionStatus } from '../statuses';
import { PrescriptionView, toPrescriptionView } from '../view-records/record.views';

export class ListPrescriptionsQuery {
  @ApiPropertyOptional({ enum: PRESCRIPTION_STATUSES, default: 'transmission_failed' })
  @IsOptional()
  @IsIn(PRESCRIPTION_STATUSES)
  status?: PrescriptionStatus;
}

/** What operators see: the patient-facing view plus the partner's own words. */
export class PrescriptionAdminView extends PrescriptionView {
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The partner's or last retry's words.",
  })
  failureDetail!: string | null;
}

export function toPrescriptionAdminView(prescription: Prescription): PrescriptionAdminView {
  return { ...toPrescriptionView(prescription), failureDetail: prescription.failureDetail };
}
