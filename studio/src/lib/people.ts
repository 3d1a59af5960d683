import { session } from './session.svelte';

/**
 * How a version's author is shown. The engine stores the staff member's id; the signed-in person
 * is named, others are shown by a short id until the API returns display names.
 * @example authorLabel(session.me.userId) // 'Mia Marketer (you)'
 */
export function authorLabel(author: string): string {
  const me = session.me;
  if (me && author === me.userId) return `${me.displayName} (you)`;
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(author) ? `Staff member ${author.slice(0, 8)}` : author;
}
