import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, UnitOfWork } from '@pharmacy/platform';
import { Product } from './product.entity';

export class ProductView {
  @ApiProperty({ example: 'amoxicillin-500mg' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() requiresPrescription!: boolean;
  @ApiProperty() priceCents!: number;
}

@ApiTags('catalog')
@Controller('products')
export class CatalogController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [ProductView] })
  async list(): Promise<ProductView[]> {
    const products = await this.unitOfWork.manager.find(Product, { order: { name: 'ASC' } });
    return products.map(({ id, name, requiresPrescription, priceCents }) => ({
      id,
      name,
      requiresPrescription,
      priceCents,
    }));
  }
}
