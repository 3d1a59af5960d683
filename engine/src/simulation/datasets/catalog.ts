import { z } from 'zod';
import { aliasTable, createRandom, cumulative, deriveSeed } from './random';
import type { AliasTable } from './random';

/**
 * The product catalog a synthetic history buys from: categories with a share of the lines, brands,
 * a number of SKUs and a unit-price range. SKUs and their prices are derived from the seed, so a
 * catalog is a few lines of configuration rather than a product list.
 */
export const CatalogCategory = z.object({
  id: z.string().min(1),
  /** Relative share of purchase lines. */
  weight: z.number().positive(),
  brands: z.array(z.string().min(1)).min(1),
  skus: z.number().int().positive().default(50),
  /** Unit price range; prices are log-uniform in it, rounded to .49/.99 endings above 5. */
  price: z.object({ min: z.number().positive(), max: z.number().positive() }).refine((p) => p.max >= p.min, {
    message: 'price.max must be at least price.min',
  }),
  /** Most lines have quantity 1; a category with `bulk` > 0 more often has 2–6 (food, coffee). */
  bulk: z.number().min(0).max(1).default(0.1),
});
export type CatalogCategory = z.infer<typeof CatalogCategory>;
export type CatalogCategoryInput = z.input<typeof CatalogCategory>;

export const Catalog = z.object({ categories: z.array(CatalogCategory).min(1) });
export type Catalog = z.infer<typeof Catalog>;
export type CatalogInput = z.input<typeof Catalog>;

/**
 * A general retailer's catalog: apparel, beauty, home, food and coffee.
 * @example syntheticDataset({ seed: 1, members: 100, events: 1000, catalog: defaultCatalog })
 */
export const defaultCatalog: CatalogInput = {
  categories: [
    { id: 'apparel', weight: 22, brands: ['Northwind', 'Alder & Co', 'Kestrel', 'Linea'], skus: 240, price: { min: 9, max: 140 } },
    { id: 'beauty', weight: 16, brands: ['Lumen', 'Verde', 'Orris'], skus: 160, price: { min: 4, max: 65 } },
    { id: 'home', weight: 14, brands: ['Hearth', 'Oakline', 'Nordhus'], skus: 200, price: { min: 6, max: 180 } },
    { id: 'food', weight: 30, brands: ['Fieldday', 'Marlow Farm', 'Pantry'], skus: 300, price: { min: 0.8, max: 14 }, bulk: 0.35 },
    { id: 'coffee', weight: 18, brands: ['Bean Club', 'Roastery 9'], skus: 40, price: { min: 2.2, max: 18 }, bulk: 0.25 },
  ],
};

/** A catalog expanded into flat tables, indexed by SKU number. Built once per generator. */
export interface CatalogTables {
  readonly categoryIds: readonly string[];
  readonly categoryCum: Float64Array;
  readonly categoryAlias: AliasTable;
  /** First SKU number of each category and their count. */
  readonly skuStart: Int32Array;
  readonly skuCount: Int32Array;
  readonly sku: readonly string[];
  readonly brand: readonly string[];
  readonly price: Float64Array;
  readonly bulk: Float64Array;
}

function roundPrice(p: number): number {
  if (p < 5) return Math.max(9, Math.round(p * 10) * 10 - 1) / 100;
  const whole = Math.floor(p);
  return p - whole < 0.5 ? whole + 0.49 : whole + 0.99;
}

/** Expands a catalog into SKU tables; SKU codes look like `APP-0001`, prices follow from the seed. */
export function expandCatalog(input: CatalogInput, seed: number): CatalogTables {
  const catalog = Catalog.parse(input);
  const r = createRandom(deriveSeed(seed, 0x5c47a1));
  const sku: string[] = [];
  const brand: string[] = [];
  const prices: number[] = [];
  const skuStart = new Int32Array(catalog.categories.length);
  const skuCount = new Int32Array(catalog.categories.length);
  catalog.categories.forEach((c, ci) => {
    skuStart[ci] = sku.length;
    skuCount[ci] = c.skus;
    const prefix = c.id.replace(/[^a-z0-9]/gi, '').slice(0, 3).toUpperCase() || `C${ci}`;
    const logMin = Math.log(c.price.min);
    const logMax = Math.log(c.price.max);
    for (let i = 0; i < c.skus; i++) {
      sku.push(`${prefix}-${String(i + 1).padStart(4, '0')}`);
      brand.push(c.brands[i % c.brands.length] ?? c.brands[0] ?? '');
      prices.push(Math.min(c.price.max, Math.max(c.price.min, roundPrice(Math.exp(logMin + r() * (logMax - logMin))))));
    }
  });
  return {
    categoryIds: catalog.categories.map((c) => c.id),
    categoryCum: cumulative(catalog.categories.map((c) => c.weight)),
    categoryAlias: aliasTable(catalog.categories.map((c) => c.weight)),
    skuStart,
    skuCount,
    sku,
    brand,
    price: Float64Array.from(prices),
    bulk: Float64Array.from(catalog.categories.map((c) => c.bulk)),
  };
}
