import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalInt } from '../../http/optional-int.decorator';
import { SafeText } from '../../http/safe-text.decorator';
import { PUBLICATION_STATUSES } from './event-publication.entity';
import type { PublicationStatus } from './event-publication.entity';

export class PublicationFilterRequest {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ example: 'ehr.prescription-request-approved' })
  @IsOptional()
  @SafeText({ max: 200 })
  eventType?: string;

  @ApiPropertyOptional({ example: 'orders.mark-item-approved-when-prescription-approved' })
  @IsOptional()
  @SafeText({ max: 200 })
  subscriber?: string;
}

export class ResubmitRequest {
  @ApiPropertyOptional({ example: 'ehr.prescription-request-approved' })
  @IsOptional()
  @SafeText({ max: 200 })
  eventType?: string;

  @ApiPropertyOptional({ example: 'ehr.enqueue-erx-submission-when-request-approved' })
  @IsOptional()
  @SafeText({ max: 200 })
  subscriber?: string;
}

export class ListPublicationsRequest extends PublicationFilterRequest {
  @OptionalInt({ min: 1, max: 500, default: 50 })
  limit?: number;

  @OptionalInt({ min: 0, max: 1_000_000, default: 0 })
  offset?: number;
}

export class PublicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'ehr.prescription-request-approved' }) eventType!: string;
  @ApiProperty() eventVersion!: number;
  @ApiProperty({ description: 'The serialized event: payload and metadata.' }) event!: object;
  @ApiProperty({ example: 'orders.mark-item-approved-when-prescription-approved' })
  subscriber!: string;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ description: 'When a retry is due, or until when a process holds it.' })
  nextAttemptAt!: Date;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) completedAt!: Date | null;
}

export class PublicationCountsView {
  @ApiProperty({ description: 'Not completed yet, processing and stale included.' })
  pending!: number;
  @ApiProperty({ description: 'Being delivered now, under a lease that has not run out.' })
  processing!: number;
  @ApiProperty({
    description: 'Leased, but the lease ran out with no outcome: its process died, or it is slow.',
  })
  stale!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Age of the oldest pending publication, ms.',
  })
  oldestPendingAgeMs!: number | null;
}

export class ResubmittedView {
  @ApiProperty() resubmitted!: number;
}
