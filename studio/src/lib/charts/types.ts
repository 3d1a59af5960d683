/** One line or bar series: a value per x label. */
export type Series = { name: string; values: number[]; colour?: string };
