import { initTRPC } from '@trpc/server';
import type { Db } from '../../db';
import type { Logger } from '../../log';

export type TrpcContext = { db: Db; log: Logger };

const t = initTRPC.context<TrpcContext>().create();

export const router = t.router;
export const procedure = t.procedure;
