/**
 * Variables message templates may use, and a reader that lists the variables a body uses.
 * Unknown variables are reported as warnings by `checkProgram`.
 */

export interface TemplateVariable {
  path: string;
  label: string;
  example: string | number;
}

const v = (path: string, label: string, example: string | number): TemplateVariable => ({ path, label, example });

/** @example TEMPLATE_VARIABLES.map((t) => t.path) // ['member.firstName', ...] */
export const TEMPLATE_VARIABLES: readonly TemplateVariable[] = [
  v('member.firstName', 'First name', 'Anna'),
  v('member.lastName', 'Last name', 'Schmidt'),
  v('member.memberNumber', 'Member number', 'M-100234'),
  v('member.email', 'Email address', 'anna@example.com'),
  v('member.joinedOn', 'Date joined', '2024-03-01'),
  v('program.name', 'Program name', 'Bean Club'),
  v('program.pointsName', 'What points are called', 'Beans'),
  v('program.url', 'Link to the program page', 'https://example.com/club'),
  v('points.balance', 'Available points', 1200),
  v('points.pending', 'Pending points', 80),
  v('points.earned', 'Points earned by this event', 45),
  v('points.expiring', 'Points about to expire', 300),
  v('points.expiringOn', 'Date the points expire', '2025-12-31'),
  v('points.value', 'Money value of the available points', '12.00 EUR'),
  v('tier.name', 'Current tier', 'Gold'),
  v('tier.previousName', 'Previous tier', 'Silver'),
  v('tier.nextName', 'Next tier', 'Platinum'),
  v('tier.toNext', 'Still needed for the next tier', 400),
  v('event.total', 'Purchase total', '23.40 EUR'),
  v('event.storeName', 'Store', 'Berlin Mitte'),
  v('event.date', 'Date of the event', '2025-06-14'),
  v('reward.name', 'Reward name', 'Free coffee'),
  v('reward.code', 'Reward or voucher code', 'BEAN-7F3K'),
  v('reward.expiresOn', 'Reward valid until', '2025-07-14'),
];

/** Top-level names a variable may start with. */
export const TEMPLATE_ROOTS = ['member', 'program', 'event', 'points', 'tier', 'reward'] as const;

const known = new Set(TEMPLATE_VARIABLES.map((t) => t.path));

/** True when the variable is in the catalog. @example isKnownTemplateVariable('member.firstName') // true */
export function isKnownTemplateVariable(path: string): boolean {
  return known.has(path);
}

const OUTPUT = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const TAG = /\{%-?\s*([\s\S]*?)\s*-?%\}/g;
const PATH = /(?<![\w.'"])([a-zA-Z_]\w*(?:\.[a-zA-Z_]\w*)+)/g;
const STRING = /'[^']*'|"[^"]*"/g;

/**
 * Lists the variables a Liquid body uses, in order of first use, without duplicates.
 * Reads `{{ x.y | filter }}` outputs and dotted names inside `{% if x.y > 0 %}` tags.
 * @example listTemplateVariables('Hi {{ member.firstName | default: "friend" }}, you have {{ points.balance }}')
 *   // ['member.firstName', 'points.balance']
 */
export function listTemplateVariables(body: string): string[] {
  const found: string[] = [];
  const add = (p: string) => {
    if (!found.includes(p)) found.push(p);
  };
  const collect = (expr: string) => {
    for (const m of expr.replace(STRING, '""').matchAll(PATH)) add(m[1]!);
  };
  const chunks: { at: number; expr: string }[] = [];
  for (const m of body.matchAll(OUTPUT)) chunks.push({ at: m.index, expr: (m[1] ?? '').split('|')[0] ?? '' });
  for (const m of body.matchAll(TAG)) chunks.push({ at: m.index, expr: m[1] ?? '' });
  chunks.sort((a, b) => a.at - b.at).forEach((c) => collect(c.expr));
  return found;
}
