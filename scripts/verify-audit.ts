import { verifyAudit } from '@loyalty/engine/audit';
import { loadConfig } from '@loyalty/engine/config';
import { openDatabase } from '@loyalty/engine/db';

// `npm run audit:verify`: recomputes the audit log's hash chain and says whether it is intact.
const config = loadConfig();
const db = openDatabase(config.dbFile, { readonly: true });
const result = verifyAudit(db);
db.$client.close();
if (result.ok) {
  console.log(`Audit log intact: ${result.entries} entries verified.`);
} else {
  console.error(`Audit log TAMPERED at entry ${result.brokenAt}: ${result.problem}.`);
  process.exit(1);
}
