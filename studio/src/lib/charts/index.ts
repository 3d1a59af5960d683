/** Small accessible SVG charts: each has a title, a legend and a table with the same numbers. */
export { default as LineChart } from './LineChart.svelte';
export { default as BarChart } from './BarChart.svelte';
export { default as StackedBars } from './StackedBars.svelte';
export { niceTicks, compact, full, colourAt } from './scale';
export type { Series } from './types';
