import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from './body-limit';

const app = new Hono();
app.use('*', limitBody(10, (c) => c.text('too large', 413)));
app.post('/echo', async (c) => c.text(await c.req.text()));

function streamOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

describe('limitBody', () => {
  it('judges a declared length from the header', async () => {
    expect((await app.request('/echo', { method: 'POST', body: '0123456789', headers: { 'content-length': '10' } })).status).toBe(200);
    expect((await app.request('/echo', { method: 'POST', body: '0123456789X', headers: { 'content-length': '11' } })).status).toBe(413);
  });

  it('counts bodies that come without a length', async () => {
    const ok = await app.request('/echo', { method: 'POST', body: streamOf('short'), duplex: 'half' } as RequestInit);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('short');
    const big = await app.request('/echo', { method: 'POST', body: streamOf('much more than ten bytes'), duplex: 'half' } as RequestInit);
    expect(big.status).toBe(413);
  });
});
