export { ApiScope, createApiKey, CreateApiKeyInput, listApiKeys, resolveApiKey, revokeApiKey, type ApiKeyPrincipal } from './api-keys';
export { bootstrapAdmin } from './bootstrap-admin';
export { login, LoginInput, LoginThrottled } from './login';
export { can, PERMISSIONS, POLICY, ROLE_LABELS, StaffRole, type Permission } from './policy';
export { SESSION_ABSOLUTE_MS, SESSION_COOKIE, SESSION_IDLE_MS } from './session-policy';
export { createSession, resolveSession, revokeSession, revokeUserSessions, type StaffPrincipal } from './sessions';
export { countStaffUsers, createStaffUser, CreateStaffUserInput, publicUser, updateStaffUser, UpdateStaffUserInput } from './users';
export { changePassword, ChangePasswordInput } from './change-password';
