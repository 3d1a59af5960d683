import type { trpc } from '$lib/trpc';

export type ApiKey = Awaited<ReturnType<typeof trpc.apiKeys.list.query>>[number];
export type ApiScope = ApiKey['scopes'][number];

/** What each scope lets an integration do. */
export const SCOPES: readonly { value: ApiScope; label: string }[] = [
  { value: 'members:read', label: 'Identify members and read balances' },
  { value: 'members:write', label: 'Sign members up and update contact data' },
  { value: 'quotes:read', label: 'Quote points for a basket (no changes)' },
  { value: 'purchases:write', label: 'Post purchases and returns' },
  { value: 'events:write', label: 'Send custom events' },
  { value: 'redemptions:write', label: 'Reserve, commit and cancel redemptions' },
];
