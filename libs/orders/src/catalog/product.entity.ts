import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('products')
export class Product {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('boolean', { name: 'requires_prescription' })
  requiresPrescription!: boolean;

  @Column('integer', { name: 'price_cents' })
  priceCents!: number;
}
