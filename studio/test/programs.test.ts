/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { createProgram } from '@loyalty/engine/programs';
import { blankProgram } from '@loyalty/engine/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';

describe('studio in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows an empty state, then the programs the engine has', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.textContent('main')).toContain('No programs yet');

    const spec = { ...blankProgram('Bean Club'), program: { ...blankProgram('Bean Club').program, description: 'Coffee rewards' } };
    createProgram({ ctx: { db: server.db }, input: { spec, author: 'ana' } });
    await page.reload();
    const card = page.getByTestId('program');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Bean Club');
    expect(await card.textContent()).toContain('Version 1');
    await screenshot(page, 'programs-list');
  });
});
