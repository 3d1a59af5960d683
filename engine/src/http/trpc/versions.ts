import { diffVersions, DiffVersionsInput } from '../../versions/diff-versions';
import { getConceptDocument, GetConceptDocumentInput } from '../../versions/get-concept-document';
import { getVersion, GetVersionInput } from '../../versions/get-version';
import { listVersions, ListVersionsInput } from '../../versions/list-versions';
import { saveVersion, SaveVersionInput } from '../../versions/save-version';
import { toMeta } from '../../versions/version-rows';
import { router, staffProcedure } from './init';

// The author is the signed-in staff member; a client cannot name someone else.
const SaveInput = SaveVersionInput.omit({ author: true }).strict();

export const versionsRouter = router({
  /**
   * Saves the spec as a new immutable version (same content as the latest: that version, `created: false`).
   * Pass `basedOn` (the version the editor loaded, null for none) to be refused with CONFLICT when someone saved in between.
   */
  save: staffProcedure('programs.write').input(SaveInput).mutation(({ ctx, input }) => {
    const saved = saveVersion({ ctx, input: { ...input, author: ctx.principal.userId } });
    return { ...toMeta(saved), created: saved.created };
  }),
  /** Versions of a program, newest first, without content. */
  list: staffProcedure('programs.read').input(ListVersionsInput).query(({ ctx, input }) => listVersions({ ctx, input })),
  /** One version with its spec. */
  get: staffProcedure('programs.read').input(GetVersionInput).query(({ ctx, input }) => getVersion({ ctx, input })),
  /** Semantic diff against another version of the same program, or against the parent. */
  diff: staffProcedure('programs.read').input(DiffVersionsInput).query(({ ctx, input }) => diffVersions({ ctx, input })),
  /** The readable concept document in Markdown and HTML. */
  conceptDocument: staffProcedure('programs.read').input(GetConceptDocumentInput).query(({ ctx, input }) => getConceptDocument({ ctx, input })),
});
