import { F64Column, I32Column, Interner } from './columns';
import type { ImportIssue, ImportReport } from './import-options';
import type { SimMemberAttributes } from './model';

/**
 * An import in progress, held as columns: one entry per accepted row (line) and per receipt.
 * Receipts of purchases and of returns are kept apart (a return receipt's key starts with `R`).
 */
export class RawHistory {
  readonly skus = new Interner();
  readonly labels = new Interner();
  readonly receipts = new Interner();
  readonly memberIds = new Interner();
  /** Per row. */
  readonly lineReceipt = new I32Column();
  readonly lineSku = new I32Column();
  readonly lineCategory = new I32Column();
  readonly lineBrand = new I32Column();
  readonly lineQuantity = new F64Column();
  readonly linePrice = new F64Column();
  readonly lineSource = new I32Column();
  /** Per receipt. */
  readonly receiptIsReturn = new I32Column();
  readonly receiptMember = new I32Column();
  readonly receiptAt = new F64Column();
  readonly receiptStore = new I32Column();
  readonly receiptChannel = new I32Column();
  /** Per member id (index of `memberIds`). */
  readonly memberJoinedAt = new Map<number, number>();
  readonly memberAttributes = new Map<number, SimMemberAttributes>();
  readonly memberFromFile = new Set<number>();
  readonly issues: ImportIssue[] = [];
  issuesNotListed = 0;
  rowsRead = 0;
  readonly skipped: Record<string, number> = {};
  private lastReceipt = '';
  private lastIsReturn = false;
  private lastIndex = -1;

  constructor(readonly maxIssues: number) {}

  skip(reason: string): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  issue(file: ImportIssue['file'], line: number, reason: string, message: string): void {
    if (this.issues.length < this.maxIssues) this.issues.push({ file, line, reason, message: `line ${line}: ${message}` });
    else this.issuesNotListed++;
  }

  /** Adds one row; returns the receipt index. `member` is a `memberIds` index or -1. */
  addLine(row: {
    receipt: string;
    isReturn: boolean;
    at: number;
    member: number;
    store: string;
    channel: string;
    sku: string;
    category: string | undefined;
    brand: string | undefined;
    quantity: number;
    price: number;
    line: number;
  }): void {
    const same = row.receipt === this.lastReceipt && row.isReturn === this.lastIsReturn;
    const receipt = same ? this.lastIndex : this.receipts.id(`${row.isReturn ? 'R' : 'P'}${row.receipt}`);
    this.lastReceipt = row.receipt;
    this.lastIsReturn = row.isReturn;
    this.lastIndex = receipt;
    if (receipt === this.receiptAt.length) {
      this.receiptIsReturn.push(row.isReturn ? 1 : 0);
      this.receiptMember.push(row.member);
      this.receiptAt.push(row.at);
      this.receiptStore.push(this.labels.id(row.store));
      this.receiptChannel.push(this.labels.id(row.channel));
    } else if (row.at < this.receiptAt.get(receipt)) {
      this.receiptAt.data[receipt] = row.at;
    }
    this.lineReceipt.push(receipt);
    this.lineSku.push(this.skus.id(row.sku));
    this.lineCategory.push(row.category ? this.labels.id(row.category) : -1);
    this.lineBrand.push(row.brand ? this.labels.id(row.brand) : -1);
    this.lineQuantity.push(row.quantity);
    this.linePrice.push(row.price);
    this.lineSource.push(row.line);
  }

  /** The receipt a row would join, if it exists already. */
  receiptOf(receipt: string, isReturn: boolean): number | undefined {
    if (receipt === this.lastReceipt && isReturn === this.lastIsReturn) return this.lastIndex;
    return this.receipts.find(`${isReturn ? 'R' : 'P'}${receipt}`);
  }

  /** The receipt number as the source wrote it. */
  receiptName(receipt: number): string {
    return this.receipts.value(receipt).slice(1);
  }
}

/** An empty report, filled in by the import. */
export function emptyReport(): ImportReport {
  return {
    rowsRead: 0,
    rowsImported: 0,
    rowsSkipped: 0,
    skippedByReason: {},
    issues: [],
    issuesNotListed: 0,
    purchases: { count: 0, byMembers: 0, byNonMembers: 0, lines: 0, quantity: 0, value: 0 },
    returns: {
      count: 0,
      receipts: 0,
      linkedReceipts: 0,
      lines: 0,
      partiallyLinkedLines: 0,
      quantity: 0,
      value: 0,
      unlinkedLines: 0,
      unlinkedQuantity: 0,
      unlinkedValue: 0,
      unlinked: [],
    },
    members: { count: 0, fromMembersFile: 0, derived: 0, signUps: 0, rowsRead: 0, rowsSkipped: 0 },
    firstAt: null,
    lastAt: null,
  };
}
