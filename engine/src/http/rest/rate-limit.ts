/** Requests per second and burst size for one kind of caller. */
export type Bucket = { perSecond: number; burst: number };
export type RateLimits = { apiKey: Bucket; member: Bucket; ip: Bucket };

/** Defaults sized for tills and shops: an API key 200/s (burst 400), a member 5/s (burst 20), an IP 500/s (burst 1000). */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  apiKey: { perSecond: 200, burst: 400 },
  member: { perSecond: 5, burst: 20 },
  ip: { perSecond: 500, burst: 1000 },
};

/**
 * In-memory token buckets, one per caller key. Each request takes a token; tokens refill at
 * `perSecond` up to `burst`. Full buckets are forgotten when the map grows, so memory stays bounded.
 * @example const limiter = new TokenBuckets({ perSecond: 5, burst: 20 }); limiter.take('member:42') // { ok: true }
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly bucket: Bucket,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes a token for `key`; when none is left, says how many seconds until one is. */
  take(key: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const { perSecond, burst } = this.bucket;
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.at) / 1000) * perSecond);
    b.at = Math.max(b.at, now);
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      this.buckets.set(key, b);
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perSecond)) };
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.bucket.perSecond >= this.bucket.burst) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
