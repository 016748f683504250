import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REQUEST_STATUSES } from '../statuses';
import type { RequestStatus } from '../statuses';

export class ListRequestsQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}
