import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify-audit';
import { DomainError } from '../errors';
import { tempDatabase } from '../testing/temp-db';
import { createApiKey, listApiKeys, resolveApiKey, revokeApiKey } from './api-keys';
import { changePassword } from './change-password';
import { bootstrapAdmin } from './bootstrap-admin';
import { login } from './login';
import { LOGIN_MAX_FAILURES_PER_ACCOUNT, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy';
import { resolveSession, revokeSession } from './sessions';
import { createStaffUser, updateStaffUser } from './users';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const system = { type: 'system' as const, id: 'test' };
const password = 'correct horse battery staple';

describe('first-run bootstrap', () => {
  it('creates one admin with a generated password, printed once, and never again', async () => {
    const first = await bootstrapAdmin(db, {});
    expect(first?.user.role).toBe('admin');
    expect(first?.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await bootstrapAdmin(db, { email: 'x@example.com', password })).toBeUndefined();
    const { token } = await login({ ctx: { db, ip: '10.0.0.1' }, input: { email: first!.email, password: first!.password } });
    expect(resolveSession(db, token)?.role).toBe('admin');
  });
});

describe('staff sign-in', () => {
  it('rejects weak passwords with a reason', async () => {
    await expect(createStaffUser({ ctx: { db, actor: system }, input: { email: 'weak@example.com', displayName: 'W', role: 'analyst', password: 'short' } })).rejects.toThrow(
      /at least 12 characters/,
    );
  });

  it('opens a session, expires it when idle or too old, and revokes it on logout', async () => {
    await createStaffUser({ ctx: { db, actor: system }, input: { email: 'Mia@Example.com', displayName: 'Mia', role: 'marketer', password } });
    const t0 = Date.now();
    const { token } = await login({ ctx: { db, ip: '10.0.0.2', now: t0 }, input: { email: 'mia@example.com', password } });
    expect(resolveSession(db, token, t0 + 1000)).toMatchObject({ email: 'mia@example.com', role: 'marketer' });
    expect(resolveSession(db, token, t0 + SESSION_IDLE_MS + 1)).toBeUndefined();
    // Activity keeps it alive, up to the absolute limit.
    let now = t0;
    while (now + SESSION_IDLE_MS / 2 < t0 + SESSION_ABSOLUTE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(resolveSession(db, token, now)).toBeDefined();
    }
    expect(resolveSession(db, token, t0 + SESSION_ABSOLUTE_MS + 1)).toBeUndefined();
    const second = await login({ ctx: { db, ip: '10.0.0.2' }, input: { email: 'mia@example.com', password } });
    revokeSession(db, second.token);
    expect(resolveSession(db, second.token)).toBeUndefined();
    expect(resolveSession(db, 'forged-token')).toBeUndefined();
  });

  it('throttles repeated failures, even with the right password afterwards, without telling whether the account exists', async () => {
    await createStaffUser({ ctx: { db, actor: system }, input: { email: 'sam@example.com', displayName: 'Sam', role: 'support', password } });
    const attempt = (pw: string, email = 'sam@example.com') => login({ ctx: { db, ip: '10.0.0.3' }, input: { email, password: pw } });
    await expect(attempt('wrong password!')).rejects.toThrow('The email address or password is not right.');
    await expect(attempt('wrong password!', 'nobody@example.com')).rejects.toThrow('The email address or password is not right.');
    for (let i = 1; i < LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) await expect(attempt('wrong again!!')).rejects.toBeInstanceOf(DomainError);
    await expect(attempt(password)).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('signs a user out everywhere when an admin changes their role, and audits it', async () => {
    const user = await createStaffUser({ ctx: { db, actor: system }, input: { email: 'lea@example.com', displayName: 'Lea', role: 'analyst', password } });
    const { token } = await login({ ctx: { db, ip: '10.0.0.4' }, input: { email: 'lea@example.com', password } });
    updateStaffUser({ ctx: { db, actor: { type: 'staff', id: 'admin-1' } }, input: { userId: user.id, role: 'approver' } });
    expect(resolveSession(db, token)).toBeUndefined();
    expect(() => updateStaffUser({ ctx: { db, actor: { type: 'staff', id: user.id } }, input: { userId: user.id, role: 'admin' } })).toThrow(/own role/);
    expect(verifyAudit(db).ok).toBe(true);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password, a good new one, and ends every other session', async () => {
    const user = await createStaffUser({ ctx: { db, actor: system }, input: { email: 'pat@example.com', displayName: 'Pat', role: 'marketer', password } });
    const { token } = await login({ ctx: { db, ip: '10.0.0.9' }, input: { email: 'pat@example.com', password } });
    await expect(changePassword({ ctx: { db, userId: user.id }, input: { currentPassword: 'wrong password', newPassword: 'a much better passphrase' } })).rejects.toThrow('current password is not right');
    await expect(changePassword({ ctx: { db, userId: user.id }, input: { currentPassword: password, newPassword: 'short' } })).rejects.toThrow(/at least 12/);
    await changePassword({ ctx: { db, userId: user.id }, input: { currentPassword: password, newPassword: 'a much better passphrase' } });
    expect(resolveSession(db, token)).toBeUndefined();
    await expect(login({ ctx: { db, ip: '10.0.0.9' }, input: { email: 'pat@example.com', password } })).rejects.toThrow(/not right/);
    expect((await login({ ctx: { db, ip: '10.0.0.9' }, input: { email: 'pat@example.com', password: 'a much better passphrase' } })).userId).toBe(user.id);
  });
});

describe('integration API keys', () => {
  it('shows the secret once, stores only a digest, resolves scopes and can be revoked', () => {
    const actor = { type: 'staff' as const, id: 'admin-1' };
    const { key, secret } = createApiKey({ ctx: { db, actor }, input: { name: 'Till 3', programId: 'p-1', storeId: 'berlin-mitte', scopes: ['purchases:write', 'quotes:read'] } });
    expect(secret).toMatch(/^lsk_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(listApiKeys(db))).not.toContain(secret.slice(15));
    expect(db.$client.prepare('select count(*) from api_keys where digest = ?').pluck().get(secret)).toBe(0);
    expect(resolveApiKey(db, secret)).toMatchObject({ keyId: key.id, storeId: 'berlin-mitte', scopes: ['purchases:write', 'quotes:read'] });
    expect(listApiKeys(db)[0]?.lastUsedAt).not.toBeNull();
    expect(resolveApiKey(db, `${secret.slice(0, -1)}x`)).toBeUndefined();
    expect(resolveApiKey(db, 'Bearer nonsense')).toBeUndefined();
    revokeApiKey({ ctx: { db, actor }, input: { keyId: key.id } });
    expect(resolveApiKey(db, secret)).toBeUndefined();
  });
});
