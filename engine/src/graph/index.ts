/**
 * The studio's flow graph of a program, and the way to and from the spec: the saved graph schema
 * (`ProgramGraph`), the node-kind catalog the palette and connection checks are generated from
 * (`NODE_KINDS`), `compileGraph` (graph -> spec, with issues pinned to nodes), `decompile`
 * (spec -> graph with an automatic layout) and `layoutGraph`.
 * @example
 *   const graph = decompile(beanClub());
 *   const result = compileGraph(graph);
 *   if (result.ok) result.spec; else result.issues.map((i) => [i.nodeId, i.message]);
 */
export * from './schema';
export { NODE_KINDS, PALETTE_GROUPS, inputHandles, outputHandles, variantHandle, type HandleDef, type NodeKindDef, type PaletteGroup } from './catalog';
export { compileGraph, type CompileResult } from './compile';
export { decompile } from './decompile';
export { layoutGraph, LAYOUT_CELL } from './layout';
export { indexGraph, type GraphIndex, type Link } from './links';
export { checkStructure } from './structure';
export { nodeName } from './names';
