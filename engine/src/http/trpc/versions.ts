import { diffVersions, DiffVersionsInput } from '../../versions/diff-versions';
import { getConceptDocument, GetConceptDocumentInput } from '../../versions/get-concept-document';
import { getVersion, GetVersionInput } from '../../versions/get-version';
import { listVersions, ListVersionsInput } from '../../versions/list-versions';
import { saveVersion, SaveVersionInput } from '../../versions/save-version';
import { toMeta } from '../../versions/version-rows';
import { procedure, router } from './init';
import { Author } from './programs';

// Until staff accounts exist, `author` is taken from the input (a required name); once sign-in
// exists it must come from the session in the context instead.
const SaveInput = SaveVersionInput.extend({ author: Author });

export const versionsRouter = router({
  /**
   * Saves the spec as a new immutable version (same content as the latest: that version, `created: false`).
   * Pass `basedOn` (the version the editor loaded, null for none) to be refused with CONFLICT when someone saved in between.
   */
  save: procedure.input(SaveInput).mutation(({ ctx, input }) => {
    const saved = saveVersion({ ctx, input });
    return { ...toMeta(saved), created: saved.created };
  }),
  /** Versions of a program, newest first, without content. */
  list: procedure.input(ListVersionsInput).query(({ ctx, input }) => listVersions({ ctx, input })),
  /** One version with its spec. */
  get: procedure.input(GetVersionInput).query(({ ctx, input }) => getVersion({ ctx, input })),
  /** Semantic diff against another version of the same program, or against the parent. */
  diff: procedure.input(DiffVersionsInput).query(({ ctx, input }) => diffVersions({ ctx, input })),
  /** The readable concept document in Markdown and HTML. */
  conceptDocument: procedure.input(GetConceptDocumentInput).query(({ ctx, input }) => getConceptDocument({ ctx, input })),
});
