/** One part of `npm run eval`: its printed table, its measured numbers and the floors CI holds them to. */
export interface EvalPart {
  name: string;
  table: string;
  metrics: Record<string, number>;
  floors: Record<string, number>;
}
