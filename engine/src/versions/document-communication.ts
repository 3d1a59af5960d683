import type { ProgramSpec } from '../spec';
import { describeJourneyStep, describeJourneyTrigger, describeScenarioEvent, describeScenarioGiven, describeScenarioThen, orderedSteps, stepLabel } from './describe-journeys';
import { capitalize, joinWords, plural, quote, type DescribeContext } from './describe-text';
import { facts, heading, list, note, paragraph, sentenceCase, table, type Block } from './document-model';

const CHANNELS = { email: 'Email', sms: 'Text message', push: 'Push notification', receipt: 'Receipt line' } as const;

/** Message templates per channel and language, and the program-wide sending rules. */
export function messagesSection(spec: ProgramSpec): Block[] {
  const c = spec.communication;
  const needConsent = (Object.keys(CHANNELS) as (keyof typeof CHANNELS)[]).filter((ch) => c.consentRequired[ch]);
  const blocks: Block[] = [
    heading(2, 'Messages'),
    facts([
      ['Consent needed for', needConsent.length ? joinWords(needConsent.map((ch) => CHANNELS[ch].toLowerCase() + 's')) : 'no channel'],
      ['Quiet hours', c.quietHours ? `no messages from ${c.quietHours.start} until ${c.quietHours.end}` : 'none'],
      ['Frequency cap', c.frequencyCap ? `at most ${plural(c.frequencyCap.maxMessages, 'message')} per ${plural(c.frequencyCap.perDays, 'day')} per member` : 'none'],
    ]),
  ];
  if (!spec.messages.length) return [...blocks, note('There are no message templates.')];
  for (const m of spec.messages) {
    const missing = spec.program.locales.filter((l) => !m.variants.some((v) => v.locale === l));
    blocks.push(
      heading(3, `${m.name} (${CHANNELS[m.channel] ?? m.channel})`),
      table(
        ['Language', 'Subject', 'Text'],
        m.variants.map((v) => [v.locale, v.subject ?? '', v.body]),
      ),
    );
    if (missing.length) blocks.push(note(`No text yet in ${joinWords(missing)}.`));
  }
  return blocks;
}

/** Journeys: what starts them and their steps as an ordered outline. */
export function journeysSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const blocks: Block[] = [heading(2, 'Journeys')];
  if (!spec.journeys.length) return [...blocks, note('There are no journeys.')];
  for (const j of spec.journeys) {
    const audience = j.audienceSegmentId ? ` Only members of the segment ${quote(ctx.segmentName(j.audienceSegmentId))} enter.` : '';
    const reentry = j.reentry === 'once' ? ' A member goes through it once.' : ' A member can go through it again every time it starts.';
    blocks.push(heading(3, `${j.name}${j.enabled ? '' : ' (switched off)'}`));
    if (j.description) blocks.push(paragraph(sentenceCase(j.description)));
    blocks.push(
      paragraph(`${sentenceCase(`starts ${describeJourneyTrigger(j.trigger, ctx)}`)}${audience}${reentry}`),
      list(
        orderedSteps(j).map((s) => ({ lead: stepLabel(s), text: sentenceCase(describeJourneyStep(s, ctx, j.steps)) })),
        true,
      ),
    );
  }
  return blocks;
}

/** Scenario tests as Given / When / Then. */
export function scenariosSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const blocks: Block[] = [heading(2, 'Scenario tests')];
  if (!spec.scenarios.length) return [...blocks, note('There are no scenario tests yet.')];
  for (const s of spec.scenarios) {
    blocks.push(heading(3, s.name));
    if (s.description) blocks.push(paragraph(sentenceCase(s.description)));
    blocks.push(
      list([
        { lead: 'Given', text: sentenceCase(describeScenarioGiven(s.given, ctx)) },
        {
          lead: 'When',
          text: s.when.length ? `${plural(s.when.length, 'event')} happen${s.when.length === 1 ? 's' : ''}:` : 'nothing happens.',
          children: s.when.map((e) => ({ text: sentenceCase(describeScenarioEvent(e, ctx)) })),
        },
        { lead: 'Then', text: sentenceCase(describeScenarioThen(s.then, ctx)) },
      ]),
    );
  }
  return blocks;
}

/** A summary table of how many of each part the program has. */
export function contentsTable(spec: ProgramSpec): Block {
  const rows: [string, number][] = [
    ['Tiers', spec.tiers.length],
    ['Earning rules', spec.earningRules.length],
    ['Rewards', spec.rewards.length],
    ['Segments', spec.segments.length],
    ['Fraud rules', spec.fraudRules.length],
    ['Messages', spec.messages.length],
    ['Journeys', spec.journeys.length],
    ['Scenario tests', spec.scenarios.length],
  ];
  return table(['Part', 'Count'], rows.map(([part, n]) => [capitalize(part), String(n)]));
}
