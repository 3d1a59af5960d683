import { Liquid } from 'liquidjs';
import type { MessageTemplate, MessageVariant } from '../spec';

// One engine for all messages: liquidjs caches each parsed text, so a template is parsed once per process.
const liquid = new Liquid({ cache: 1000, ownPropertyOnly: true, strictFilters: true, strictVariables: false });

/**
 * The text of a template for a member: the variant in the member's language (exact locale, then
 * the same language, e.g. 'de' for 'de-AT'), else the program's default language, else the first.
 * @example chooseVariant(template, 'de-AT', 'en').locale // 'de'
 */
export function chooseVariant(template: MessageTemplate, memberLocale: string | null | undefined, defaultLocale: string): MessageVariant {
  const v = template.variants;
  const wanted = memberLocale?.toLowerCase();
  const language = wanted?.split('-')[0];
  return (
    v.find((x) => x.locale.toLowerCase() === wanted) ??
    v.find((x) => x.locale.toLowerCase().split('-')[0] === language) ??
    v.find((x) => x.locale === defaultLocale) ??
    v[0]!
  );
}

/**
 * Fills a Liquid text (`{{ member.firstName | default: "friend" }}`, `{% if points.balance > 0 %}`)
 * with a member's data. Unknown variables render empty, as Liquid does.
 * @throws Error naming the problem when the text is not valid Liquid (checkProgram warns earlier).
 * @example renderText('Hi {{ member.firstName }}', { member: { firstName: 'Anna' } }) // 'Hi Anna'
 */
export function renderText(text: string, data: Record<string, unknown>): string {
  return liquid.parseAndRenderSync(text, data);
}

/** Subject and body of a variant for the data. @example renderMessage(variant, data).body */
export function renderMessage(variant: MessageVariant, data: Record<string, unknown>): { locale: string; subject: string | null; body: string } {
  return { locale: variant.locale, subject: variant.subject ? renderText(variant.subject, data) : null, body: renderText(variant.body, data).trim() };
}
