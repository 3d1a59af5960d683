import type { PurchaseLine } from './inputs';

/** A Wednesday morning in Amsterdam (no weekend campaign). */
export const WEDNESDAY = '2026-11-18T10:00:00.000Z';

/** Dress (own label) and perfume (beauty), 150 EUR: the template's Silver scenario basket. */
export const DRESS_AND_PERFUME: PurchaseLine[] = [
  { ref: '1', sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', quantity: 1, price: 90 },
  { ref: '2', sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', quantity: 1, price: 60 },
];

/** Three shirts at 20 EUR and a scarf at 15 EUR (75 EUR, no bonus categories). */
export const SHIRTS_AND_SCARF: PurchaseLine[] = [
  { ref: 'a', sku: 'NC-SHIRT', category: 'menswear', brand: 'northcoast', quantity: 3, price: 20 },
  { ref: 'b', sku: 'NC-SCARF', category: 'accessories', brand: 'northcoast', quantity: 1, price: 15 },
];
