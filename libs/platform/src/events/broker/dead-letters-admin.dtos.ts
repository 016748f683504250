import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { OptionalInt } from '../../http/optional-int.decorator';

const SUBSCRIBER = /^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9-]*$/;

export class ListDeadLettersRequest {
  @ApiProperty({ example: 'notifications.notify-patient-when-order-shipped' })
  @Matches(SUBSCRIBER, { message: 'subscriber must look like "<module>.<what-it-does>"' })
  subscriber!: string;

  @OptionalInt({ min: 1, max: 500, default: 50 })
  limit?: number;
}

export class RedriveRequest {
  @ApiProperty({ example: 'notifications.notify-patient-when-order-shipped' })
  @Matches(SUBSCRIBER, { message: 'subscriber must look like "<module>.<what-it-does>"' })
  subscriber!: string;

  @ApiPropertyOptional({ description: 'Only this event; all of the queue when absent.' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

export class DeadLetterView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'orders.order-fulfilled' }) eventType!: string;
  @ApiProperty() subscriber!: string;
  @ApiProperty({ description: 'Attempts made before it was dead-lettered.' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: Object }) payload!: unknown;
}

export class RedrivenView {
  @ApiProperty({ type: [String], description: 'Event ids sent back to the subscriber queue.' })
  redriven!: string[];
}
