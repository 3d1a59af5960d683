import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './engine/src/db/schema/index.ts',
  out: './drizzle',
});
