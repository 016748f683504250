"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_PRODUCTS = void 0;
exports.seedCatalog = seedCatalog;
const product_entity_1 = require("./product.entity");
/** The demo catalog: three prescription products and two over the counter. */
exports.DEMO_PRODUCTS = [
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
async function seedCatalog(manager) {
    await manager.upsert(product_entity_1.Product, [...exports.DEMO_PRODUCTS], ['id']);
}
