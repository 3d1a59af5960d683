/** What one housekeeping run did for one program, step by step. */
export type ProgramHousekeepingReport = {
  programId: string;
  asOf: string;
  /** Pending lots released (return window over). */
  pendingReleased: { members: number; lots: number; points: number };
  /**
   * Lapsed holds given back; `redemptions` are till reservations whose reward unit went back to
   * stock, `pointsPayments` till points payments marked lapsed.
   */
  holdsLapsed: { holds: number; points: number; redemptions: number; pointsPayments: number };
  /** Points expired by policy. */
  expired: { members: number; points: number };
  /** Member-dates with points expiring within `withinDays` (already announced ones are not written again). */
  announced: { events: number; withinDays: number };
  /** Scheduled tier re-checks and downgrades; `cancelled` are waiting downgrades dropped because the member's tier changed meanwhile. */
  tiers: { reviewed: number; upgraded: number; downgraded: number; scheduled: number; unchanged: number; cancelled: number };
  /**
   * Starts of scheduled journeys announced: members with a birthday in the window, members reached
   * by a journey's date, and the day's segment review (members checked, entered, left).
   */
  journeys: { birthdays: number; dated: number; segments: { reviewed: number; entered: number; left: number } };
};

/** A housekeeping run over one or all active programs. */
export type HousekeepingReport = { asOf: string; programs: ProgramHousekeepingReport[] };
