/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { createProgram } from '@loyalty/engine/programs';
import { blankProgram } from '@loyalty/engine/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { startStudioServer } from './server';
import { signedInPage } from './sign-in';

describe('administration in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startStudioServer>>;

  beforeAll(async () => {
    server = await startStudioServer();
    browser = await launchChromium();
    createProgram({ ctx: { db: server.db }, input: { spec: blankProgram('Bean Club'), author: 'system' } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a user, an API key shown once, revokes it, and finds it all in a verified, exportable audit log', async () => {
    const page = await signedInPage(browser, server, 'admin', 'Alex Admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin\/users$/);
    const users = page.getByTestId('users');
    await expect.poll(() => users.textContent().catch(() => '')).toContain('Alex Admin');

    // Users: create one, then change role and capacities.
    await page.getByRole('button', { name: 'New user' }).click();
    const create = page.getByRole('dialog', { name: 'New user' });
    await create.getByLabel('Name').fill('Nora Newcomer');
    await create.getByLabel('Work email').fill('nora@example.com');
    await create.locator('select[name=role]').selectOption('support');
    await create.getByLabel('First password').fill('short');
    expect(await create.textContent()).toContain('At least 12 characters');
    await create.getByLabel('First password').fill('plain tulip harbour seven');
    await create.getByLabel(/Approval capacities/).fill('finance');
    await screenshot(page, 'admin-01-create-user');
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => users.textContent()).toContain('nora@example.com');
    const nora = users.locator('tr', { hasText: 'Nora Newcomer' });
    expect(await nora.textContent()).toContain('Support agent');
    expect(await nora.textContent()).toContain('finance');
    await nora.getByRole('button', { name: /Change/ }).click();
    const edit = page.getByRole('dialog', { name: /Change Nora/ });
    await edit.locator('select[name=role]').selectOption('analyst');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => nora.textContent()).toContain('Analyst (read-only)');
    await screenshot(page, 'admin-02-users');

    // API keys: the secret is shown once.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'API keys' }).click();
    await expect.poll(() => page.textContent('main')).toContain('No API keys yet');
    await page.getByRole('button', { name: 'New API key' }).first().click();
    const keyForm = page.getByRole('dialog', { name: 'New API key' });
    await keyForm.getByLabel('Name').fill('Till 3, Berlin Mitte');
    await keyForm.getByLabel('Store id').fill('berlin-mitte');
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'Copy the secret now' });
    const secret = await secretDialog.getByTestId('api-secret').inputValue();
    expect(secret).toMatch(/^lsk_[A-Za-z0-9]{10}_/);
    expect(await secretDialog.textContent()).toContain('only time the secret');
    await screenshot(page, 'admin-03-api-key-secret');
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    const keys = page.getByTestId('api-keys');
    await expect.poll(() => keys.textContent().catch(() => '')).toContain('Till 3, Berlin Mitte');
    await page.reload();
    await expect.poll(() => keys.textContent().catch(() => '')).toContain('berlin-mitte');
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('button', { name: 'Revoke Till 3, Berlin Mitte' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke this API key?' });
    await screenshot(page, 'admin-04-revoke-confirm');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => keys.textContent()).toContain('Revoked');
    await screenshot(page, 'admin-05-api-keys');

    // Audit: search, verify, export.
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
    const audit = page.getByTestId('audit');
    await expect.poll(() => audit.textContent().catch(() => '')).toContain('User created');
    expect(await audit.textContent()).toContain('Alex Admin');
    await page.getByLabel('Text').fill('api-key');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => audit.textContent()).toContain('API key revoked');
    expect(await audit.textContent()).toContain('API key created');
    expect(await audit.textContent()).not.toContain('User created');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByTestId('chain-result').textContent()).toContain('Chain intact');
    await screenshot(page, 'admin-06-audit');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('seq,at,actorType,actorId,action,entityType,entityId,before,after,reason,hash');
    expect(csv).toContain('api-key.revoked');
    expect(csv).toContain('api-key.created');
  });

  it('keeps analysts out of administration with a friendly message', async () => {
    const page = await signedInPage(browser, server, 'analyst', 'Ada Analyst');
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Members');
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).not.toContain('Admin');
    for (const path of ['/admin/users', '/admin/api-keys', '/admin/audit']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: "You don't have access" }).waitFor();
      expect(await page.textContent('main')).toContain('ask an administrator');
    }
    await screenshot(page, 'admin-07-analyst-no-access');
  });
});
