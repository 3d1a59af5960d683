import { getContext, setContext } from 'svelte';
import type { ProgramEditor } from '../program-editor.svelte';

const KEY = Symbol('program-editor');

/** The open program's editor, for node components deep inside Svelte Flow. */
export function setEditor(editor: ProgramEditor): ProgramEditor {
  return setContext(KEY, editor);
}

export function getEditor(): ProgramEditor {
  return getContext<ProgramEditor>(KEY);
}
