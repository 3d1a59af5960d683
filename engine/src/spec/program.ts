import { z } from 'zod';
import { Currency, Locale, Name, PositiveInt, TimeZone } from './primitives';

/** Who must approve a version before it can be tested and rolled out. */
export const ApprovalSettings = z
  .object({
    requiredApproverRoles: z
      .array(z.string().min(1))
      .default(['marketing-lead'])
      .describe('Roles that must each approve a new version (e.g. marketing-lead, finance)'),
    reminderAfterHours: PositiveInt.default(24).describe('Remind approvers after this many hours without an answer'),
  })
  .describe('Approval of new versions');
export type ApprovalSettings = z.infer<typeof ApprovalSettings>;

/**
 * General program settings. Only the name is required.
 * @example ProgramSettings.parse({ name: 'Bean Club', pointsName: 'Beans', currency: 'EUR', pointValue: 0.01 })
 */
export const ProgramSettings = z
  .object({
    name: Name.describe('Program name members see'),
    description: z.string().max(2000).default('').describe('What the program is about, in one or two sentences'),
    pointsName: z.string().trim().min(1).max(40).default('Points').describe('What points are called (e.g. Beans, Miles)'),
    currency: Currency.default('EUR'),
    pointValue: z
      .number()
      .positive({ error: 'one point must be worth more than 0' })
      .default(0.01)
      .describe('Money value of one point when redeemed, in the program currency (e.g. 0.01)'),
    timezone: TimeZone.default('UTC'),
    defaultLocale: Locale.default('en').describe('Main language; every message needs a text in it'),
    locales: z.array(Locale).min(1).default(['en']).describe('Languages messages are written in'),
    approval: ApprovalSettings.prefault({}),
  })
  .describe('Program settings');
export type ProgramSettings = z.infer<typeof ProgramSettings>;
