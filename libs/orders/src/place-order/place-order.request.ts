import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SafeText } from '@pharmacy/platform';
import { US_STATE_CODES } from './us-states';

export class OrderLineRequest {
  @ApiProperty({ example: 'amoxicillin-500mg' })
  @SafeText({ max: 100 })
  productId!: string;

  @ApiProperty({ minimum: 1, maximum: 10, example: 1 })
  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;
}

export class PlaceOrderRequest {
  @ApiProperty({ type: [OrderLineRequest], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OrderLineRequest)
  items!: OrderLineRequest[];

  @ApiProperty({
    description: 'Two-letter US state the order ships to.',
    example: 'CA',
    enum: US_STATE_CODES,
  })
  @SafeText({ max: 2 })
  @IsIn(US_STATE_CODES, {
    message: 'fulfillmentState must be a two-letter US state code in upper case',
  })
  fulfillmentState!: string;
}
