import { EntityManager } from 'typeorm';
import { Product } from './product.entity';

/** The demo catalog: three prescription products and two over the counter. */
export const DEMO_PRODUCTS: readonly Product[] = [
  {
    id: 'amoxicillin-500mg',
    name: 'Amoxicillin 500 mg',
    requiresPrescription: true,
    priceCents: 1299,
  },
  { id: 'lisinopril-10mg', name: 'Lisinopril 10 mg', requiresPrescription: true, priceCents: 899 },
  { id: 'sertraline-50mg', name: 'Sertraline 50 mg', requiresPrescription: true, priceCents: 1599 },
  { id: 'ibuprofen-200mg', name: 'Ibuprofen 200 mg', requiresPrescription: false, priceCents: 499 },
  {
    id: 'vitamin-d3-1000iu',
    name: 'Vitamin D3 1000 IU',
    requiresPrescription: false,
    priceCents: 799,
  },
];

/** Idempotent: running it again updates the rows in place. */
export async function seedCatalog(manager: EntityManager): Promise<void> {
  await manager.upsert(Product, [...DEMO_PRODUCTS], ['id']);
}
