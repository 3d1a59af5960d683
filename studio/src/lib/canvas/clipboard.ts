import type { Clipboard } from './graph-edits';

/** What Ctrl+C copied last, kept for the browser session (pasting into another program works too). */
export const clipboard: { current: Clipboard | undefined; pastes: number } = { current: undefined, pastes: 0 };
