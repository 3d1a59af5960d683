import type { Block, DocumentModel, ListItem } from './document-model';

/**
 * Escapes characters Markdown would read as formatting or HTML, and newlines in single-line places.
 * @example escapeMarkdown('5 * 2 <b>') // '5 \\* 2 \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}

function item(entry: ListItem, marker: string, indent: string): string[] {
  const lead = entry.lead ? `**${escapeMarkdown(entry.lead)}**: ` : '';
  const lines = [`${indent}${marker} ${lead}${escapeMarkdown(entry.text)}`];
  const childIndent = indent + ' '.repeat(marker.length + 1);
  entry.children?.forEach((child) => lines.push(...item(child, '-', childIndent)));
  return lines;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'note':
      return `_${escapeMarkdown(b.text)}_`;
    case 'facts':
      return b.items.map((f) => `- **${escapeMarkdown(f.label)}**: ${escapeMarkdown(f.value)}`).join('\n');
    case 'list':
      return b.items.flatMap((entry, i) => item(entry, b.ordered ? `${i + 1}.` : '-', '')).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
      return [row(b.columns), `|${b.columns.map(() => ' --- ').join('|')}|`, ...b.rows.map(row)].join('\n');
    }
  }
}

/**
 * The document as GitHub-flavoured Markdown.
 * @example renderMarkdown({ title: 'Bean Club', blocks: [paragraph('Hi')] }) // 'Hi\n'
 */
export function renderMarkdown(doc: DocumentModel): string {
  return `${doc.blocks.map(block).join('\n\n')}\n`;
}
