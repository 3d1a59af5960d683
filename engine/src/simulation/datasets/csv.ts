import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/**
 * A small RFC 4180 reader: fields separated by a delimiter, optionally wrapped in double quotes, a
 * doubled quote inside quotes is one quote, and quoted fields may hold the delimiter and line
 * breaks. Files are read line by line (gzip or plain), so memory does not grow with the file.
 */

/**
 * Splits one CSV line into fields. Returns `null` when a quoted field is still open at the end of
 * the line (the record continues on the next line: join them with `\n` and parse again).
 * Characters after a closing quote and before the delimiter are kept (lenient, like most readers).
 * @example parseCsvLine('a,"b,c","say ""hi""",') // ['a', 'b,c', 'say "hi"', '']
 */
export function parseCsvLine(line: string, delimiter = ','): string[] | null {
  if (line.indexOf('"') < 0) return line.split(delimiter);
  const fields: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) return null;
        value += line.slice(from, q);
        if (line[q + 1] === '"') {
          value += '"';
          from = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const next = line.indexOf(delimiter, i);
      const end = next < 0 ? n : next;
      fields.push(value + line.slice(i, end));
      if (next < 0) return fields;
      i = next + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, next));
      i = next + delimiter.length;
    }
  }
}

/** One CSV record and the (1-based) line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Where CSV text comes from: a file path (`.gz` is decompressed), a stream, text, or lines. */
export type CsvSource =
  | { path: string }
  | { stream: Readable }
  | { text: string }
  | { lines: Iterable<string> | AsyncIterable<string> };

/**
 * The lines of a source in batches, without line terminators (`\r\n` or `\n`): one promise per
 * chunk of the file rather than per line. A path ending in `.gz` is decompressed.
 */
export async function* readLineBatches(source: CsvSource): AsyncGenerator<string[]> {
  if ('text' in source) {
    yield source.text.split(/\r?\n/);
    return;
  }
  if ('lines' in source) {
    let batch: string[] = [];
    for await (const line of source.lines) {
      batch.push(line);
      if (batch.length >= 4096) {
        yield batch;
        batch = [];
      }
    }
    yield batch;
    return;
  }
  const raw = 'path' in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : source.stream;
  const gz = 'path' in source && source.path.endsWith('.gz');
  const input = gz ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (gz) raw.on('error', (e: Error) => input.destroy(e));
  input.setEncoding('utf8');
  let carry = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i] ?? '';
        if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
      }
      yield lines;
    }
    if (carry !== '') yield [carry.endsWith('\r') ? carry.slice(0, -1) : carry];
  } finally {
    raw.destroy();
  }
}

/**
 * Records of a CSV source in batches, each with the line it starts on. Blank lines are skipped; a
 * quoted field still open at the end of the input is closed there (the importer then reports the
 * field count).
 * @example for await (const batch of csvRecords({ path: 'history.csv.gz' })) for (const { line, fields } of batch) ...
 */
export async function* csvRecords(source: CsvSource, delimiter = ','): AsyncGenerator<CsvRecord[]> {
  let lineNo = 0;
  let pending: string | undefined;
  let pendingLine = 0;
  for await (const lines of readLineBatches(source)) {
    const out: CsvRecord[] = [];
    for (const line of lines) {
      lineNo++;
      if (pending === undefined && line.length === 0) continue;
      const text = pending === undefined ? line : `${pending}\n${line}`;
      const fields = parseCsvLine(text, delimiter);
      if (fields) {
        out.push({ line: pending === undefined ? lineNo : pendingLine, fields });
        pending = undefined;
      } else {
        if (pending === undefined) pendingLine = lineNo;
        pending = text;
      }
    }
    if (out.length > 0) yield out;
  }
  if (pending !== undefined) yield [{ line: pendingLine, fields: parseCsvLine(`${pending}"`, delimiter) ?? [pending] }];
}
