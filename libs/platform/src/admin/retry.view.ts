import { ApiProperty } from '@nestjs/swagger';

/**
 * The answer of every retry route of the admin surface (`POST /api/admin/<things>/{id}/retry`):
 * prescriptions, orders and event publications alike. A retry is idempotent: a repeat answers
 * `retried: false` and changes nothing.
 */
export class RetryView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The state after the call.' }) status!: string;
  @ApiProperty({ description: 'False when there was nothing to retry: a repeat changes nothing.' })
  retried!: boolean;
  @ApiProperty({
    enum: ['added', 'live', 'failed', 'none', 'unknown'],
    description:
      'The job: added again, already live, none needed, or unknown (Redis away: the reconciler adds it).',
  })
  job!: 'added' | 'live' | 'failed' | 'none' | 'unknown';
}
