import { csvRecords } from './csv';
import type { CsvRecord, CsvSource } from './csv';
import { createDateParser } from './dates';
import type { CsvImportOptions, ImportRow } from './import-options';
import type { RawHistory } from './raw-history';

const CHANNELS = new Set(['store', 'online', 'app', 'phone']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number, or undefined. Stricter than `Number()` (no '', ' ', '0x10', 'Infinity'). */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/**
 * The header of a CSV source as a column-name → index map, and the records after it in batches.
 * Throws when a mapped column is missing: that is a problem with the file, not with one row.
 */
export async function openTable(
  source: CsvSource,
  delimiter: string,
  file: string,
  columns: Record<string, string | undefined>,
): Promise<{ index: Map<string, number>; width: number; batches: AsyncGenerator<CsvRecord[]> }> {
  const batches = csvRecords(source, delimiter);
  const first = await batches.next();
  const header = first.done ? undefined : first.value[0];
  if (!header) throw new Error(`${file}: the file is empty (no header line)`);
  const rest = first.done ? [] : first.value.slice(1);
  async function* all(): AsyncGenerator<CsvRecord[]> {
    yield rest;
    yield* batches;
  }
  const names = header.fields.map((n, i) => (i === 0 ? n.replace(/^\uFEFF/, '') : n).trim());
  const index = new Map(names.map((n, i) => [n, i] as const));
  for (const [role, column] of Object.entries(columns)) {
    if (column !== undefined && !index.has(column)) {
      throw new Error(`${file}: column '${column}' (mapping.${role}) is not in the header: ${names.join(', ')}`);
    }
  }
  return { index, width: names.length, batches: all() };
}

const field = (f: readonly string[], i: number): string => (i < 0 ? '' : (f[i] ?? ''));

/** The row handed to `skip` and `categorize` callbacks. */
class RowView implements ImportRow {
  constructor(
    readonly line: number,
    readonly receipt: string,
    readonly sku: string,
    readonly description: string,
    readonly quantity: number,
    readonly unitPrice: number,
    readonly at: number,
    readonly memberId: string | null,
    private readonly fields: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}
  get(column: string): string {
    return field(this.fields, this.index.get(column) ?? -1);
  }
}

/** Reads and validates the transaction rows into `h`. */
export async function readTransactions(h: RawHistory, o: CsvImportOptions): Promise<void> {
  const m = o.mapping;
  const { index, width, batches } = await openTable(o.transactions, o.delimiter ?? ',', 'transactions', m);
  const col = (name: string | undefined): number => (name === undefined ? -1 : (index.get(name) ?? -1));
  const c = {
    receipt: col(m.receipt), at: col(m.at), sku: col(m.sku), quantity: col(m.quantity), price: col(m.unitPrice),
    member: col(m.memberId), category: col(m.category), brand: col(m.brand), description: col(m.description),
    store: col(m.storeId), channel: col(m.channel), country: col(m.country),
  };
  const dateFormat = o.dateFormat ?? 'iso';
  const parseDate = createDateParser(dateFormat, o.timeZone ?? 'UTC');
  const whole = o.wholeQuantities ?? true;
  const negativeIsReturn = o.negativeQuantityIsReturn ?? true;
  const prefix = o.cancellationPrefix;
  const bad = (line: number, message: string): void => {
    h.skip('invalid');
    h.issue('transactions', line, 'invalid', message);
  };
  const needsRow = o.skip !== undefined || o.categorize !== undefined;
  for await (const batch of batches) for (const { line, fields: f } of batch) {
    h.rowsRead++;
    if (f.length !== width) {
      bad(line, `expected ${width} fields, found ${f.length}`);
      continue;
    }
    const receipt = field(f, c.receipt).trim();
    const sku = field(f, c.sku).trim();
    const qText = field(f, c.quantity);
    const pText = field(f, c.price);
    const aText = field(f, c.at);
    if (receipt === '') { bad(line, `${m.receipt} is empty`); continue; }
    if (sku === '') { bad(line, `${m.sku} is empty`); continue; }
    const rawQuantity = parseDecimal(qText);
    if (rawQuantity === undefined || (whole && !Number.isInteger(rawQuantity))) {
      bad(line, `${m.quantity} '${qText}' is not a ${whole ? 'whole number' : 'number'}`);
      continue;
    }
    const price = parseDecimal(pText);
    if (price === undefined) { bad(line, `${m.unitPrice} '${pText}' is not a number`); continue; }
    const at = parseDate(aText);
    if (at === undefined) { bad(line, `${m.at} '${aText}' is not a valid date in the format ${dateFormat}`); continue; }
    const memberText = field(f, c.member).trim();
    const memberId = memberText === '' ? null : memberText;
    const row = needsRow ? new RowView(line, receipt, sku, field(f, c.description), rawQuantity, price, at, memberId, f, index) : undefined;
    if (rawQuantity === 0) { h.skip('zero-quantity'); continue; }
    const custom = row && o.skip?.(row);
    if (custom !== undefined) { h.skip(custom); continue; }
    if (price === 0) { h.skip('zero-price'); continue; }
    if (price < 0) { h.skip('negative-price'); continue; }
    const isReturn = (prefix !== undefined && prefix !== '' && receipt.startsWith(prefix)) || (negativeIsReturn && rawQuantity < 0);
    if (!isReturn && rawQuantity < 0) { h.skip('negative-quantity'); continue; }
    const channel = field(f, c.channel).trim() || (o.channel ?? 'store');
    if (!CHANNELS.has(channel)) { bad(line, `${m.channel} '${channel}' is not one of ${[...CHANNELS].join(', ')}`); continue; }
    const member = memberId === null ? -1 : h.memberIds.id(memberId);
    const existing = h.receiptOf(receipt, isReturn);
    if (existing !== undefined && h.receiptMember.get(existing) !== member) {
      const before = h.receiptMember.get(existing);
      bad(line, `${m.memberId ?? 'member'} '${memberText}' differs from '${before < 0 ? '' : h.memberIds.value(before)}' on earlier rows of ${m.receipt} ${receipt}`);
      continue;
    }
    if (member >= 0) {
      const first = h.memberJoinedAt.get(member);
      if (!h.memberFromFile.has(member) && (first === undefined || at < first)) h.memberJoinedAt.set(member, at);
      const country = field(f, c.country).trim();
      if (country !== '' && !h.memberAttributes.has(member)) h.memberAttributes.set(member, { country });
    }
    h.addLine({
      receipt,
      isReturn,
      at,
      member,
      store: field(f, c.store).trim() || (o.storeId ?? 'store'),
      channel,
      sku,
      category: field(f, c.category).trim() || (row && o.categorize?.(row)),
      brand: field(f, c.brand).trim() || undefined,
      quantity: Math.abs(rawQuantity),
      price,
      line,
    });
  }
}
