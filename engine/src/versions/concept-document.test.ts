import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beanClub, blankProgram, ProgramSpec } from '../spec';
import { programSpecArbitrary } from '../spec/arbitrary';
import { buildConceptDocument, conceptDocument } from './concept-document';
import { editedSpec } from './spec-edits';

const version = { number: 3, contentHash: 'abcdef0123456789abcdef', author: 'ana', createdAt: '2025-06-01T10:00:00.000Z', note: 'Gold gets double' };

describe('conceptDocument', () => {
  const doc = conceptDocument(beanClub(), version);

  it('covers every part of the program in Markdown', () => {
    for (const section of ['Program summary', 'Tiers', 'Earning points', 'Points lifecycle', 'Spending points and rewards', 'Rewards catalog', 'Segments', 'Fraud rules', 'Messages', 'Journeys', 'Scenario tests']) {
      expect(doc.markdown).toMatch(new RegExp(`^#{2,3} ${section}$`, 'm'));
    }
    expect(doc.markdown).toContain('# Bean Club: program concept');
    expect(doc.markdown).toContain('- **Version**: 3');
    expect(doc.markdown).toContain('- **Content hash**: abcdef012345\n');
    expect(doc.markdown).toContain('| Gold | 1,500 Beans | earns 1.5 times the Beans; Free refills; Early access to seasonal drinks |');
    expect(doc.markdown).toContain('### Campaigns (priority 10)\n\nIn this group only the matching rule that gives the most points counts.');
    expect(doc.markdown).toContain("- **Double points weekend**: On every purchase, if the day is Saturday or Sunday");
    expect(doc.markdown).toContain('- **Expiry**: Beans expire at the end of the year after the one they were earned in.');
    expect(doc.markdown).toContain('| Coffee tasting for two | A reward from Roastery Nord: Guided tasting session | 1,200 Beans | Gold and above;');
    expect(doc.markdown).toContain("1. **send-welcome**: Send the message 'Welcome email', then go to 'wait-first-visit'.");
    expect(doc.markdown).toContain('| de | Wir vermissen dich | Komm diese Woche vorbei, {{ member.firstName }}! |');
    expect(doc.markdown).toContain('- **Then**: On day 15 the member has 33 Beans available');
  });

  it('renders the same structure as a self-contained, printable HTML page', () => {
    expect(doc.html).toMatch(/^<!doctype html>/);
    expect(doc.html).toContain('<style>');
    expect(doc.html).toContain('@media print');
    expect(doc.html).not.toMatch(/<script|<link|src=|https?:\/\//);
    const model = buildConceptDocument(beanClub(), version);
    for (const block of model.blocks) {
      if (block.kind === 'heading') expect(doc.html).toContain(`<h${block.level}>${block.text.replace(/'/g, '&#39;')}</h${block.level}>`);
    }
    expect(doc.html).toContain('<td>Gold</td><td>1,500 Beans</td>');
    expect(doc.html).toContain('{% if points.balance &gt; 0 %}');
  });

  it('escapes what people type, in both formats', () => {
    const spec = beanClub();
    spec.program.name = 'Bean <script>alert("x")</script> & Co';
    spec.tiers[0]!.name = 'Green | *bold* _x_';
    const hostile = conceptDocument(spec);
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('Bean &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(hostile.markdown).toContain('Green \\| \\*bold\\* \\_x\\_');
    expect(hostile.markdown).toContain('Bean \\<script\\>');
    expect(hostile.markdown).toContain('Draft, not saved as a version yet.');
  });

  it('explains empty parts of a blank program', () => {
    const blank = conceptDocument(blankProgram('Corner Shop'));
    expect(blank.markdown).toContain('_This program has no tiers._');
    expect(blank.markdown).toContain('## Earning points\n\n_There are no earning rules yet._');
    expect(blank.markdown).toContain('_The catalog is empty._');
  });

  it('renders any valid program without failing (property)', () => {
    fc.assert(
      fc.property(editedSpec(), (edited) => {
        const parsed = ProgramSpec.safeParse(edited);
        if (!parsed.success) return;
        const out = conceptDocument(parsed.data, version);
        expect(out.markdown).toContain(`# ${parsed.data.program.name.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)}`);
        expect(out.markdown + out.html).not.toMatch(/undefined|\[object Object\]|NaN/);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(programSpecArbitrary(), (spec) => {
        const out = conceptDocument(spec);
        expect(out.html).toContain('</html>');
        expect(out.markdown + out.html).not.toMatch(/\[object Object\]|undefined\b/);
      }),
      { numRuns: 100 },
    );
  });
});
