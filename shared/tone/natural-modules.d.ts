// Types for the one `natural` submodule the tone scorer imports (the package root is never
// imported: it drags in database clients). A static import, so esbuild bundles it.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** natural's Porter stemmer: "criticized" -> "critic". */
  const porter: { stem(word: string): string };
  export default porter;
}
