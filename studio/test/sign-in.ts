import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser, type StaffRole } from '@loyalty/engine/auth';
import type { Db } from '@loyalty/engine/db';

export const TEST_PASSWORD = 'studio test password 1';

/** A staff account of `role` for browser tests. */
export async function staffAccount(db: Db, role: StaffRole, displayName: string) {
  const email = `${role}.${randomUUID().slice(0, 8)}@example.com`;
  await createStaffUser({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { email, displayName, role, password: TEST_PASSWORD } });
  return { email, password: TEST_PASSWORD, displayName };
}

/** A fresh browser context signed in through the real sign-in page. */
export async function signedInPage(browser: Browser, server: { url: string; db: Db }, role: StaffRole = 'marketer', displayName = 'Mia Marketer'): Promise<Page> {
  const account = await staffAccount(server.db, role, displayName);
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=email]', account.email);
  await page.fill('input[name=password]', account.password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}
