export { createApp, type AppDeps } from './app';
export { apiRoutes, openApiDocument } from './openapi';
export type { AppRouter } from './trpc/router';
