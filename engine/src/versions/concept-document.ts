import type { ProgramSpec } from '../spec';
import { describeContext } from './describe-text';
import { fraudSection, rewardsSection, segmentsSection } from './document-catalog';
import { contentsTable, journeysSection, messagesSection, scenariosSection } from './document-communication';
import { earningSection, lifecycleSection, summarySection, tiersSection } from './document-earning';
import { facts, heading, paragraph, type Block, type DocumentModel } from './document-model';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

/** Which version the document shows; all optional so an unsaved draft can be rendered too. */
export interface VersionInfo {
  number?: number;
  contentHash?: string;
  author?: string;
  createdAt?: string;
  note?: string;
}

function versionBlock(version: VersionInfo | undefined): Block[] {
  if (!version) return [paragraph('Draft, not saved as a version yet.')];
  const items: [string, string][] = [];
  if (version.number !== undefined) items.push(['Version', String(version.number)]);
  if (version.contentHash) items.push(['Content hash', version.contentHash.slice(0, 12)]);
  if (version.author) items.push(['Saved by', version.author]);
  if (version.createdAt) items.push(['Saved on', version.createdAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')]);
  if (version.note) items.push(['Note', version.note]);
  return items.length ? [facts(items)] : [];
}

/**
 * The concept document as a structure (headings, paragraphs, tables, outlines) that both renderers use.
 * @example buildConceptDocument(beanClub()).title // 'Bean Club: program concept'
 */
export function buildConceptDocument(spec: ProgramSpec, version?: VersionInfo): DocumentModel {
  const ctx = describeContext(spec);
  const title = `${spec.program.name}: program concept`;
  return {
    title,
    blocks: [
      heading(1, title),
      ...versionBlock(version),
      ...summarySection(spec, ctx),
      contentsTable(spec),
      ...tiersSection(spec, ctx),
      ...earningSection(spec, ctx),
      ...lifecycleSection(spec, ctx),
      ...rewardsSection(spec, ctx),
      ...segmentsSection(spec, ctx),
      ...fraudSection(spec, ctx),
      ...messagesSection(spec),
      ...journeysSection(spec, ctx),
      ...scenariosSection(spec, ctx),
    ],
  };
}

export interface ConceptDocument {
  title: string;
  markdown: string;
  html: string;
}

/**
 * A readable concept document of a program version for stakeholders, in Markdown and as a
 * self-contained printable HTML page, both from the same structure.
 * @example
 *   const doc = conceptDocument(beanClub(), { number: 3, contentHash: 'ab12…', author: 'ana', createdAt: '2025-06-01T10:00:00Z' });
 *   fs.writeFileSync('bean-club.html', doc.html);
 */
export function conceptDocument(spec: ProgramSpec, version?: VersionInfo): ConceptDocument {
  const model = buildConceptDocument(spec, version);
  return { title: model.title, markdown: renderMarkdown(model), html: renderHtml(model) };
}
