import type { ConditionEnv, EvalContext, Predicate } from '../rules';
import { compilePredicate } from '../rules';
import type { Journey, JourneyEvent, JourneyStep, ProgramSpec } from '../spec';
import { deriveSeed } from './datasets';
import { grow } from './arrays';
import { MS_PER_DAY } from './calendar';

/** What a journey needs from the replay: the member's context and bonus points. */
export interface JourneyHost {
  contextOf(m: number): EvalContext;
  /** Issues `points` to member `m` as a journey bonus (an available lot). */
  awardBonus(m: number, points: number, journey: number): void;
}

interface WaitQueue {
  step: number;
  members: number[];
  deadlines: number[];
  head: number;
}

interface CompiledJourney {
  journey: Journey;
  /** Trigger event and custom name; undefined for segment-entry and schedule triggers. */
  event: JourneyEvent | undefined;
  eventName: string | undefined;
  audience: Predicate | undefined;
  entry: number;
  steps: JourneyStep[];
  next: Int32Array[];
  conditions: (Predicate | undefined)[];
  /** Per step: messages sent. */
  sends: Float64Array;
  entries: number;
  awarded: number;
  entered: Uint8Array;
  waitStep: Int16Array;
  waitUntil: Float64Array;
  /** Per waiting step: a FIFO of (member, deadline) in time order; `queueList` holds the same queues for quick iteration. */
  queues: Map<number, WaitQueue>;
  queueList: WaitQueue[];
}

/**
 * Counts the messages journeys would send, by walking each journey's steps for members whose
 * events trigger it. Approximations (documented in the result): event triggers only
 * (`member-signed-up`, `purchase`, `points-earned`, `tier-changed`, `reward-redeemed`, custom);
 * `wait` steps resume when their time is up (checked as the replay's clock passes, at least
 * daily); `wait-until` an event resumes at that member's next such event or at the timeout; `wait-until` a condition is decided when reached; splits are a stable hash of member
 * and journey; one instance per member and journey at a time; quiet hours and frequency caps are
 * not applied. `award` steps issue real (simulated) bonus points.
 * @example journeys.onEvent(m, 'purchase', undefined, at, host)
 */
export class JourneyBook {
  readonly journeys: CompiledJourney[];
  /** Indices of the journeys an event can start (the others never run, so never wait either). */
  private readonly onEvents: Int32Array;
  private size = 0;

  constructor(spec: ProgramSpec, env: ConditionEnv) {
    this.journeys = spec.journeys.filter((j) => j.enabled).map((journey) => compileJourney(journey, env));
    this.onEvents = Int32Array.from(this.journeys.flatMap((j, k) => (j.event === undefined ? [] : [k])));
  }

  resize(n: number): void {
    if (n <= this.size) return;
    this.size = n;
    for (const j of this.journeys) {
      j.entered = grow(j.entered, n);
      j.waitStep = grow(j.waitStep, n, -1);
      j.waitUntil = grow(j.waitUntil, n);
    }
  }

  /** Resumes journeys waiting for this event and starts the ones it triggers. */
  onEvent(m: number, event: JourneyEvent, name: string | undefined, at: number, host: JourneyHost): void {
    for (let i = 0; i < this.onEvents.length; i++) {
      const k = this.onEvents[i]!;
      const j = this.journeys[k]!;
      const w = j.waitStep[m]!;
      if (w >= 0) {
        const step = j.steps[w];
        if (step?.kind === 'wait-until' && step.until.kind === 'event' && step.until.event === event && (event !== 'custom' || step.until.eventName === name)) {
          j.waitStep[m] = -1;
          this.run(j, k, m, j.next[w]![0]!, at, host);
        }
      }
      if (j.event !== event || (event === 'custom' && j.eventName !== name)) continue;
      if (j.journey.reentry === 'once' && j.entered[m]) continue;
      if (j.audience && !j.audience(host.contextOf(m))) continue;
      j.entered[m] = 1;
      j.entries++;
      j.waitStep[m] = -1;
      this.run(j, k, m, j.entry, at, host);
    }
  }

  /** Takes the timeout branch of every wait whose deadline is at or before `t`. */
  timeouts(t: number, host: JourneyHost): void {
    for (let k = 0; k < this.journeys.length; k++) {
      const j = this.journeys[k]!;
      for (let qi = 0; qi < j.queueList.length; qi++) {
        const q = j.queueList[qi]!;
        const step = q.step;
        while (q.head < q.members.length && q.deadlines[q.head]! <= t) {
          const m = q.members[q.head]!;
          const deadline = q.deadlines[q.head]!;
          q.head++;
          if (j.waitStep[m] === step && j.waitUntil[m] === deadline) {
            j.waitStep[m] = -1;
            const links = j.next[step]!;
            this.run(j, k, m, j.steps[step]?.kind === 'wait' ? links[0]! : links[1]!, deadline, host);
          }
        }
        if (q.head > 4096 && q.head * 2 > q.members.length) {
          q.members.splice(0, q.head);
          q.deadlines.splice(0, q.head);
          q.head = 0;
        }
      }
    }
  }

  private run(j: CompiledJourney, k: number, m: number, from: number, at: number, host: JourneyHost): void {
    let s = from;
    for (let guard = 0; guard < 100 && s >= 0; guard++) {
      const step = j.steps[s]!;
      const links = j.next[s]!;
      switch (step.kind) {
        case 'send':
          j.sends[s]! += 1;
          s = links[0]!;
          break;
        case 'award':
          j.awarded += step.points;
          host.awardBonus(m, step.points, k);
          s = links[0]!;
          break;
        case 'wait':
          park(j, m, s, at + step.days * MS_PER_DAY + step.hours * 3_600_000);
          return;
        case 'wait-until':
          if (step.until.kind === 'condition') {
            s = j.conditions[s]!(host.contextOf(m)) ? links[0]! : links[1]!;
            break;
          }
          park(j, m, s, at + step.timeoutDays * MS_PER_DAY);
          return;
        case 'branch':
          s = j.conditions[s]!(host.contextOf(m)) ? links[0]! : links[1]!;
          break;
        case 'split': {
          const u = (deriveSeed(m, k) >>> 0) / 4294967296;
          let total = 0;
          for (const v of step.variants) total += v.weight;
          let acc = 0;
          let pick = links.length - 1;
          for (let i = 0; i < step.variants.length; i++) {
            acc += step.variants[i]!.weight / total;
            if (u < acc) {
              pick = i;
              break;
            }
          }
          s = links[pick]!;
          break;
        }
        case 'exit':
          return;
      }
    }
  }
}

/** Member `m` waits at step `s` until `deadline` (or, for wait-until, an event before it). */
function park(j: CompiledJourney, m: number, s: number, deadline: number): void {
  j.waitStep[m] = s;
  j.waitUntil[m] = deadline;
  let q = j.queues.get(s);
  if (!q) {
    q = { step: s, members: [], deadlines: [], head: 0 };
    j.queues.set(s, q);
    j.queueList.push(q);
  }
  q.members.push(m);
  q.deadlines.push(deadline);
}

function compileJourney(journey: Journey, env: ConditionEnv): CompiledJourney {
  const ids = new Map(journey.steps.map((s, i) => [s.id, i]));
  const at = (id: string): number => ids.get(id) ?? -1;
  const next = journey.steps.map((s) => {
    switch (s.kind) {
      case 'wait-until':
        return Int32Array.of(at(s.next), at(s.timeoutNext));
      case 'branch':
        return Int32Array.of(at(s.then), at(s.else));
      case 'split':
        return Int32Array.from(s.variants, (v) => at(v.next));
      case 'exit':
        return new Int32Array(0);
      default:
        return Int32Array.of(at(s.next));
    }
  });
  const conditions = journey.steps.map((s) =>
    s.kind === 'branch' ? compilePredicate(s.condition, env) : s.kind === 'wait-until' && s.until.kind === 'condition' ? compilePredicate(s.until.condition, env) : undefined,
  );
  const t = journey.trigger;
  return {
    journey,
    event: t.kind === 'event' ? t.event : undefined,
    eventName: t.kind === 'event' ? t.eventName : undefined,
    audience: journey.audienceSegmentId ? compilePredicate({ op: 'in-segment', segmentId: journey.audienceSegmentId }, env) : undefined,
    entry: at(journey.entryStepId),
    steps: journey.steps,
    next,
    conditions,
    sends: new Float64Array(journey.steps.length),
    entries: 0,
    awarded: 0,
    entered: new Uint8Array(0),
    waitStep: new Int16Array(0),
    waitUntil: new Float64Array(0),
    queues: new Map(),
    queueList: [],
  };
}
