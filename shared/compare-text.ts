/**
 * Code-unit order: the same on every machine, unlike localeCompare, whose order follows the
 * machine's ICU data and whose first call costs a cold start about 10 ms to load a collator.
 *
 * @example
 * ['b', 'Z', 'a'].sort(compareText) // ['Z', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
