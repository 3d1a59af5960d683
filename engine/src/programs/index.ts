export { createProgram, CreateProgramInput } from './create-program';
export { listPrograms } from './list-programs';
export { seedDemoProgram } from './seed-demo-program';
