import type { Db } from '@loyalty/engine/db';
import type { Logger } from '@loyalty/engine/log';

/** Engine services the activities are built over (see createActivities). */
export type ActivityDeps = { db: Db; log: Logger };
