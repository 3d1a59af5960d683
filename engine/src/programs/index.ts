export { createProgram, CreateProgramInput } from './create-program';
export { listPrograms } from './list-programs';
export { seedDemoProgram } from './seed-demo-program';
export {
  createTemplateCatalog,
  DEFAULT_TEMPLATES_DIR,
  DEMO_TEMPLATE_ID,
  ProgramTemplate,
  type TemplateCatalog,
} from './template-catalog';
