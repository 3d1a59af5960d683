/**
 * The format-neutral structure of a concept document: both the Markdown and the HTML rendering
 * are produced from it, so they always say the same thing. Text is plain (renderers escape it).
 */

/** One entry of a list; children make an outline. */
export interface ListItem {
  text: string;
  /** Optional bold lead-in before the text ("Gold: ..."). */
  lead?: string;
  children?: ListItem[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'note'; text: string };

export interface DocumentModel {
  title: string;
  blocks: Block[];
}

/** @example heading(2, 'Tiers') */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
/** @example paragraph('Members earn Beans on every purchase.') */
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
/** A muted remark, e.g. "No segments yet." */
export const note = (text: string): Block => ({ kind: 'note', text });
/** Label/value pairs. @example facts([['Currency', 'EUR']]) */
export const facts = (items: [string, string][]): Block => ({ kind: 'facts', items: items.map(([label, value]) => ({ label, value })) });
/** @example list([{ text: 'Send the welcome email' }], true) */
export const list = (items: ListItem[], ordered = false): Block => ({ kind: 'list', ordered, items });
/** @example table(['Tier', 'Threshold'], [['Gold', '1,500 Beans']]) */
export const table = (columns: string[], rows: string[][]): Block => ({ kind: 'table', columns, rows });

/** A sentence: first letter capital, ends with a full stop. @example sentenceCase('on every purchase') // 'On every purchase.' */
export function sentenceCase(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
