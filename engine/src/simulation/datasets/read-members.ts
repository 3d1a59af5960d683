import { createDateParser } from './dates';
import type { CsvImportOptions } from './import-options';
import type { SimMemberAttributes } from './model';
import type { RawHistory } from './raw-history';
import { openTable } from './read-transactions';

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const FLAGS = ['hasEmailConsent', 'hasSmsConsent', 'hasPushConsent', 'hasApp', 'isStaff'] as const;
const TEXTS = ['country', 'city', 'language'] as const;

/** Reads an optional members file into `h`: join times and attributes, validated per row. */
export async function readMembers(h: RawHistory, o: CsvImportOptions, report: { rowsRead: number; rowsSkipped: number }): Promise<void> {
  if (!o.members) return;
  const m = o.members.mapping;
  const { index, width, batches } = await openTable(o.members.source, o.delimiter ?? ',', 'members', m);
  const format = o.members.dateFormat ?? o.dateFormat ?? 'iso';
  const parseDate = createDateParser(format, o.timeZone ?? 'UTC');
  for await (const batch of batches) for (const { line, fields } of batch) {
    report.rowsRead++;
    const get = (column: string | undefined): string => (column === undefined ? '' : (fields[index.get(column) ?? -1] ?? '').trim());
    const problem = check();
    if (problem) {
      report.rowsSkipped++;
      h.issue('members', line, 'invalid', problem);
    }
    function check(): string | undefined {
      if (fields.length !== width) return `expected ${width} fields, found ${fields.length}`;
      const id = get(m.id);
      if (id === '') return `${m.id} is empty`;
      const joinedText = get(m.joinedAt);
      const joinedAt = parseDate(joinedText);
      if (joinedAt === undefined) return `${m.joinedAt} '${joinedText}' is not a valid date in the format ${format}`;
      const attributes: SimMemberAttributes = {};
      for (const key of TEXTS) {
        const v = get(m[key]);
        if (v !== '') attributes[key] = v;
      }
      for (const key of FLAGS) {
        const v = get(m[key]).toLowerCase();
        if (v === '') continue;
        if (!TRUE.has(v) && !FALSE.has(v)) return `${m[key]} '${v}' is not yes/no (true/false, y/n, 1/0)`;
        attributes[key] = TRUE.has(v);
      }
      const month = get(m.birthMonth);
      if (month !== '') {
        const n = Number(month);
        if (!/^\d{1,2}$/.test(month) || n < 1 || n > 12) return `${m.birthMonth} '${month}' is not a month number 1-12`;
        attributes.birthMonth = n;
      }
      const member = h.memberIds.id(id);
      if (h.memberFromFile.has(member)) return `member '${id}' appears twice (first occurrence kept)`;
      h.memberFromFile.add(member);
      h.memberJoinedAt.set(member, joinedAt);
      h.memberAttributes.set(member, attributes);
      return undefined;
    }
  }
}
