/**
 * Categories for the UCI Online Retail history, which has none: derived from the StockCode and the
 * Description, deterministically. Service codes first (by StockCode), then the first matching
 * keyword rule on the upper-cased description, in the order below; otherwise `other`.
 *
 * | category | rule |
 * |---|---|
 * | postage | StockCode `POST`, `DOT`, `C2` (carriage), or a description with POSTAGE/CARRIAGE |
 * | fees | `BANK CHARGES`, `AMAZONFEE`, `CRUK` (commission) |
 * | discount, manual, samples | `D`, `M`/`m`, `S` |
 * | gift-vouchers | `gift_0001_*` |
 * | seasonal | CHRISTMAS, XMAS, ADVENT, SANTA, REINDEER, EASTER, HALLOWEEN, VALENTINE |
 * | bags | BAG(S), TOTE, SHOPPER, PURSE |
 * | home-lighting | CANDLE, LIGHT(S), T-LIGHT, LANTERN, LAMP, TEALIGHT |
 * | kitchen-dining | MUG, CUP, TEACUP, PLATE, BOWL, JUG, TEAPOT, CAKE, CAKESTAND, BAKING, KITCHEN, SPOON, NAPKINS, TRAY, JAR, TIN(S), LUNCH BOX, BOTTLE, APRON, COASTER |
 * | stationery-wrap | CARD(S), WRAP, PAPER, NOTEBOOK, PEN(S), PENCIL(S), STICKER(S), RIBBON(S), TAPE, ENVELOPE(S), CHALK, CRAYONS |
 * | toys-kids | TOY, GAME, DOLL, DOLLY, JIGSAW, PLAYHOUSE, SPACEBOY, CHILDREN'S/CHILDRENS, KIDS, BABY |
 * | jewellery-accessories | NECKLACE, BRACELET, EARRINGS, RING(S), HAIR, UMBRELLA, SCARF, GLOVES, CHARM |
 * | home-decor | FRAME, CLOCK, SIGN, HEART, MIRROR, CUSHION, DOORMAT, HOOK, HANGER, DECORATION, ORNAMENT, GARDEN, VASE, FLOWER(S), WREATH, BUNTING, GARLAND |
 *
 * `NON_MERCHANDISE_CATEGORIES` are not goods (postage, fees, discounts...): a loyalty program
 * should exclude them from earning (a rule condition on `item.category`).
 */
export const NON_MERCHANDISE_CATEGORIES: readonly string[] = ['postage', 'fees', 'discount', 'manual', 'samples', 'gift-vouchers', 'adjustment'];

const BY_CODE: Record<string, string> = {
  POST: 'postage',
  DOT: 'postage',
  C2: 'postage',
  'BANK CHARGES': 'fees',
  AMAZONFEE: 'fees',
  CRUK: 'fees',
  D: 'discount',
  M: 'manual',
  m: 'manual',
  S: 'samples',
  B: 'adjustment',
};

const words = (list: string): RegExp => new RegExp(`(?:^|[^A-Z])(?:${list})(?:$|[^A-Z])`);
const RULES: readonly (readonly [string, RegExp])[] = [
  ['postage', words('POSTAGE|CARRIAGE')],
  ['seasonal', words('CHRISTMAS|XMAS|ADVENT|SANTA|REINDEER|EASTER|HALLOWEEN|VALENTINE')],
  ['bags', words('BAGS?|TOTE|SHOPPER|PURSE')],
  ['home-lighting', words('CANDLES?|LIGHTS?|T-LIGHTS?|TEALIGHTS?|LANTERNS?|LAMPS?')],
  ['kitchen-dining', words('MUGS?|CUPS?|TEACUPS?|PLATES?|BOWLS?|JUG|TEAPOT|CAKES?|CAKESTAND|BAKING|KITCHEN|SPOONS?|NAPKINS|TRAY|JARS?|TINS?|LUNCH BOX|BOTTLES?|APRON|COASTERS?')],
  ['stationery-wrap', words('CARDS?|WRAP|PAPER|NOTEBOOKS?|PENS?|PENCILS?|STICKERS?|RIBBONS?|TAPE|ENVELOPES?|CHALK|CRAYONS')],
  ['toys-kids', words("TOYS?|GAMES?|DOLLS?|DOLLY|JIGSAW|PLAYHOUSE|SPACEBOY|CHILDREN'?S|KIDS|BABY")],
  ['jewellery-accessories', words('NECKLACE|BRACELET|EARRINGS|RINGS?|HAIR|UMBRELLA|SCARF|GLOVES|CHARM')],
  ['home-decor', words('FRAMES?|CLOCK|SIGN|HEARTS?|MIRROR|CUSHION|DOORMAT|HOOKS?|HANGERS?|DECORATIONS?|ORNAMENTS?|GARDEN|VASE|FLOWERS?|WREATH|BUNTING|GARLAND')],
];

/**
 * The category of an Online Retail line.
 * @example onlineRetailCategory('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER') // 'home-lighting'
 * @example onlineRetailCategory('POST', 'POSTAGE') // 'postage'
 */
export function onlineRetailCategory(stockCode: string, description: string): string {
  const byCode = BY_CODE[stockCode];
  if (byCode) return byCode;
  if (stockCode.startsWith('gift_')) return 'gift-vouchers';
  const text = description.toUpperCase();
  for (const [category, rule] of RULES) if (rule.test(text)) return category;
  return 'other';
}
