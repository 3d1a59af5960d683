import type { CheckRun } from './check-context';
import { checkConditionAt, itemAt } from './check-context';
import type { Journey } from './journeys';
import { stepLinks } from './journey-steps';
import type { IssueLocation } from './issues';
import { issueAt } from './issues';

function checkJourney(run: CheckRun, journey: Journey, index: number): void {
  const loc = itemAt('journeys', index, journey);
  const stepIds = new Set<string>();
  const stepLoc = (i: number): IssueLocation => {
    const step = journey.steps[i]!;
    return { ...loc, stepId: step.id, path: [...loc.path, 'steps', i], label: `${loc.label}, step '${step.name ?? step.id}'` };
  };
  journey.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) run.issues.push(issueAt(stepLoc(i), 'duplicate-id', `the step id '${step.id}' is used twice in this journey`, ['id']));
    stepIds.add(step.id);
  });

  if (!stepIds.has(journey.entryStepId)) {
    run.issues.push(issueAt(loc, 'unknown-reference', `the first step '${journey.entryStepId}' does not exist`, ['entryStepId']));
  }
  if (journey.trigger.kind === 'segment-entry' && !run.segmentIds.includes(journey.trigger.segmentId)) {
    run.issues.push(issueAt(loc, 'unknown-reference', `segment '${journey.trigger.segmentId}' does not exist`, ['trigger', 'segmentId']));
  }
  if (journey.audienceSegmentId !== undefined && !run.segmentIds.includes(journey.audienceSegmentId)) {
    run.issues.push(issueAt(loc, 'unknown-reference', `segment '${journey.audienceSegmentId}' does not exist`, ['audienceSegmentId']));
  }

  journey.steps.forEach((step, i) => {
    const sl = stepLoc(i);
    for (const link of stepLinks(step)) {
      if (!stepIds.has(link.to)) run.issues.push(issueAt(sl, 'unknown-reference', `it leads to step '${link.to}', which does not exist`, link.key));
    }
    if (step.kind === 'send' && !run.messageIds.includes(step.messageId)) {
      run.issues.push(issueAt(sl, 'unknown-reference', `message '${step.messageId}' does not exist`, ['messageId']));
    }
    if (step.kind === 'branch') checkConditionAt(run, step.condition, 'journey', sl, ['condition']);
    if (step.kind === 'wait-until' && step.until.kind === 'condition') {
      checkConditionAt(run, step.until.condition, 'journey', sl, ['until', 'condition']);
    }
  });

  checkGraphShape(run, journey, stepLoc);
}

/** Warns about steps nobody reaches; rejects loops that would repeat without waiting. */
function checkGraphShape(run: CheckRun, journey: Journey, stepLoc: (i: number) => IssueLocation): void {
  const index = new Map(journey.steps.map((s, i) => [s.id, i]));
  const reached = new Set<string>();
  const queue = index.has(journey.entryStepId) ? [journey.entryStepId] : [];
  while (queue.length) {
    const id = queue.shift()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const step = journey.steps[index.get(id)!]!;
    for (const l of stepLinks(step)) if (index.has(l.to)) queue.push(l.to);
  }
  journey.steps.forEach((s, i) => {
    if (!reached.has(s.id) && index.has(journey.entryStepId)) {
      run.issues.push(issueAt(stepLoc(i), 'unreachable-step', 'no path from the first step leads here', [], 'warning'));
    }
  });

  // Cycles among steps that do not wait would run forever at once.
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    const step = journey.steps[index.get(id)!]!;
    for (const l of stepLinks(step)) {
      const target = index.get(l.to);
      if (target === undefined) continue;
      const next = journey.steps[target]!;
      if (next.kind === 'wait' || next.kind === 'wait-until') continue;
      if (state.get(l.to) === 'open' && !reported.has(l.to)) {
        reported.add(l.to);
        run.issues.push(issueAt(stepLoc(target), 'loop-without-wait', 'it is part of a loop with no wait step; add a wait so the loop does not repeat at once', []));
      } else if (!state.has(l.to)) visit(l.to);
    }
    state.set(id, 'done');
  };
  journey.steps.forEach((s) => {
    if (!state.has(s.id) && s.kind !== 'wait' && s.kind !== 'wait-until') visit(s.id);
  });
}

/** Journeys: entry and links exist, messages and segments exist, conditions valid, graph sane. */
export function checkJourneys(run: CheckRun): void {
  run.spec.journeys.forEach((journey, i) => checkJourney(run, journey, i));
}
