/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { createProgram } from '@loyalty/engine/programs';
import { blankProgram } from '@loyalty/engine/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';
import { signedInPage, staffAccount } from './sign-in';

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

  it('sends visitors to sign in, refuses a wrong password, returns them where they were going, and lets them change their password', async () => {
    const account = await staffAccount(server.db, 'analyst', 'Ada Analyst');
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/templates`);
    await page.waitForURL(/\/login\?next=%2Ftemplates/);
    await page.fill('input[name=email]', account.email);
    await page.fill('input[name=password]', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=alert]')).toContain('The email address or password is not right.');
    await screenshot(page, 'login-refused');
    await page.fill('input[name=password]', account.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/templates$/);
    expect(await page.textContent('summary[aria-label="Account menu"]')).toContain('Ada Analyst');

    await page.click('summary[aria-label="Account menu"]');
    await page.getByRole('menuitem', { name: 'Your account and password' }).click();
    await page.waitForURL(/\/account$/);
    await page.fill('input[name=currentPassword]', account.password);
    await page.fill('input[name=newPassword]', 'a brand new passphrase');
    await page.fill('input[name=repeatPassword]', 'a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.textContent('body')).toContain('Password changed');
    await screenshot(page, 'account-password-changed');

    await page.click('summary[aria-label="Account menu"]');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login/);
    await page.fill('input[name=email]', account.email);
    await page.fill('input[name=password]', 'a brand new passphrase');
    await page.click('button[type=submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  it('shows an empty state, then the programs the engine has', async () => {
    const page = await signedInPage(browser, server);
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.textContent('main')).toContain('No programs yet');

    const spec = { ...blankProgram('Bean Club'), program: { ...blankProgram('Bean Club').program, description: 'Coffee rewards' } };
    createProgram({ ctx: { db: server.db }, input: { spec, author: 'system' } });
    await page.reload();
    const card = page.getByTestId('program');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Bean Club');
    expect(await card.textContent()).toContain('Version 1');
    await screenshot(page, 'programs-list');
  });
});
