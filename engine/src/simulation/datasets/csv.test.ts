import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsvLine } from './csv';
import type { CsvSource } from './csv';

async function all(source: CsvSource): Promise<{ line: number; fields: string[] }[]> {
  const out: { line: number; fields: string[] }[] = [];
  for await (const batch of csvRecords(source)) out.push(...batch);
  return out;
}

describe('parseCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['', ['']],
    [',,', ['', '', '']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['"",""', ['', '']],
    ['x,"""quoted"""', ['x', '"quoted"']],
    ['536365,22633,"HAND WARMER UNION JACK, RED",6', ['536365', '22633', 'HAND WARMER UNION JACK, RED', '6']],
    ['a,"b"', ['a', 'b']],
    ['  spaced , kept ', ['  spaced ', ' kept ']],
  ])('%j', (line, fields) => {
    expect(parseCsvLine(line)).toEqual(fields);
  });

  it('reports an open quote (the record continues on the next line)', () => {
    expect(parseCsvLine('a,"b')).toBeNull();
    expect(parseCsvLine('a,"b\nc"')).toEqual(['a', 'b\nc']);
  });

  it('supports other delimiters', () => {
    expect(parseCsvLine('a;"b;c";d', ';')).toEqual(['a', 'b;c', 'd']);
  });
});

describe('csvRecords', () => {
  it('joins quoted line breaks, skips blank lines, handles CRLF, numbers lines', async () => {
    const text = 'h1,h2\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n';
    expect(await all({ text })).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it('reads plain and gzip files line by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const body = `a,b\n${Array.from({ length: 50_000 }, (_, i) => `${i},"x,${i}"`).join('\n')}\n`;
    writeFileSync(join(dir, 'f.csv'), body);
    writeFileSync(join(dir, 'f.csv.gz'), gzipSync(body));
    const plain = await all({ path: join(dir, 'f.csv') });
    const gz = await all({ path: join(dir, 'f.csv.gz') });
    expect(plain).toHaveLength(50_001);
    expect(gz).toEqual(plain);
    expect(gz[50_000]).toEqual({ line: 50_001, fields: ['49999', 'x,49999'] });
  });

  it('keeps multi-byte characters across chunk boundaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const body = `d\n${'£'.repeat(3_000_000)}\n`;
    writeFileSync(join(dir, 'p.csv.gz'), gzipSync(body));
    const rows = await all({ path: join(dir, 'p.csv.gz') });
    expect(rows[1]?.fields[0]).toBe('£'.repeat(3_000_000));
  });
});
