import { ApiProperty } from '@nestjs/swagger';
import { SafeText } from '@pharmacy/platform';
import { IsInt, Max, Min } from 'class-validator';

export class ApproveRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    example: 'Take one capsule by mouth three times daily.',
  })
  @SafeText({ max: 500 })
  sig!: string;

  @ApiProperty({ minimum: 0, maximum: 11, example: 0 })
  @IsInt()
  @Min(0)
  @Max(11)
  refills!: number;
}

export class RejectRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    example: 'Contraindicated with current medication.',
  })
  @SafeText({ max: 500, multiline: true })
  reason!: string;
}
