export { appendAudit, type AuditActor, type AuditEntryInput } from './append-audit';
export { verifyAudit, type AuditVerification } from './verify-audit';
export { auditCsv, searchAudit, SearchAuditInput } from './search-audit';
