// Types for the one `natural` submodule quote attribution imports (the package root is never
// imported: it drags in database clients).
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  /** Jaro-Winkler similarity, 0 (unrelated) .. 1 (identical). */
  export default function jaroWinklerDistance(
    a: string,
    b: string,
    options?: { ignoreCase?: boolean },
  ): number;
}
