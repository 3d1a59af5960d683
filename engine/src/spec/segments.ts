import { z } from 'zod';
import { Condition } from './condition';
import { Description, Id, Name } from './primitives';

/**
 * A group of members defined by a condition over member fields and behaviour.
 * @example Segment.parse({ id: 'seg-lapsed', name: 'Lapsed', condition: { op: 'aggregate', metric: 'visits', lastDays: 90, cmp: 'eq', value: 0 } })
 */
export const Segment = z.object({
  id: Id,
  name: Name,
  description: Description,
  condition: Condition.describe('Members who match this'),
});
export type Segment = z.infer<typeof Segment>;
