/** How long a signed-in session lasts, in milliseconds. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

/** Sign-in throttling: this many failures within the window lock the account or address. */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_MAX_FAILURES_PER_IP = 20;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export const SESSION_COOKIE = 'loyalty_session';
