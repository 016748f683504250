import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Roles } from '../../auth/auth.decorators';
import { PUBLICATION_STATUSES } from './event-publication.entity';
import type { PublicationStatus } from './event-publication.entity';
import { PublicationQueries } from './publication-queries';
import { UnitOfWork } from '../../transactions/unit-of-work';

export class PublicationFilterRequest {
  @ApiPropertyOptional({ enum: PUBLICATION_STATUSES })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ example: 'ehr.prescription-request-approved' })
  @IsOptional()
  @IsString()
  eventType?: string;

  @ApiPropertyOptional({ example: 'orders.mark-item-approved-when-prescription-approved' })
  @IsOptional()
  @IsString()
  subscriber?: string;
}

export class ResubmitRequest {
  @ApiPropertyOptional({ example: 'ehr.prescription-request-approved' })
  @IsOptional()
  @IsString()
  eventType?: string;

  @ApiPropertyOptional({ example: 'ehr.enqueue-erx-submission-when-request-approved' })
  @IsOptional()
  @IsString()
  subscriber?: string;
}

export class ListPublicationsRequest extends PublicationFilterRequest {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 1_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
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
  @ApiProperty() pending!: number;
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

/** Operating the event publication registry: look at what is owed, and retry what failed. */
@ApiTags('admin: event publications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/event-publications')
export class PublicationsAdminController {
  constructor(
    private readonly queries: PublicationQueries,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @Get()
  @ApiOkResponse({ type: [PublicationView], description: 'Publications, newest first.' })
  list(
    @Query() { limit = 50, offset = 0, ...filter }: ListPublicationsRequest,
  ): Promise<PublicationView[]> {
    return this.queries.list(filter, limit, offset);
  }

  @Get('counts')
  @ApiOkResponse({ type: PublicationCountsView })
  counts(): Promise<PublicationCountsView> {
    return this.queries.counts();
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @ApiOkResponse({ type: ResubmittedView })
  async resubmitOne(@Param('id', new ParseUUIDPipe()) id: string): Promise<ResubmittedView> {
    const resubmitted = await this.unitOfWork.run(() => this.queries.resubmit({ id }));
    if (resubmitted === 0) throw new NotFoundException(`No failed publication has the id ${id}.`);
    return { resubmitted };
  }

  /** Every failed publication matching the filter goes back in line. */
  @Post('resubmit')
  @HttpCode(200)
  @ApiOkResponse({ type: ResubmittedView })
  async resubmitMany(@Body() filter: ResubmitRequest): Promise<ResubmittedView> {
    const { eventType, subscriber } = filter;
    return {
      resubmitted: await this.unitOfWork.run(() =>
        this.queries.resubmit({ eventType, subscriber }),
      ),
    };
  }
}
