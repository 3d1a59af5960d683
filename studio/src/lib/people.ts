import { session } from './session.svelte';

/**
 * How a version's author is shown: the display name, marked when it is the signed-in person.
 * @example authorLabel({ author: session.me.userId, authorName: 'Mia Marketer' }) // 'Mia Marketer (you)'
 */
export function authorLabel(version: { author: string; authorName: string }): string {
  return session.me && version.author === session.me.userId ? `${version.authorName} (you)` : version.authorName;
}
