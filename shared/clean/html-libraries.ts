// linkedom and Readability, loaded on the first HTML article rather than at import: together they
// are most of what importing the analyser costs (about 120 ms of CPU here), and a text, Markdown or
// plain JSON article never needs them. The clean path stays synchronous, so they load with a
// synchronous require: in a bundle, esbuild sees `require('…')` and bundles the library behind a
// lazy initialiser; run from source (tsx, vitest) an ES module has no `require`, so Node's own
// (createRequire) loads the packages' CommonJS builds.

import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as parseHtmlFunction } from 'linkedom';

export interface HtmlLibraries {
  parseHTML: typeof parseHtmlFunction;
  Readability: typeof ReadabilityClass;
}

let loaded: HtmlLibraries | undefined;

/**
 * The HTML parser and reader view, loaded on first call.
 *
 * @example
 * const { parseHTML } = htmlLibraries();
 */
export function htmlLibraries(): HtmlLibraries {
  loaded ??= typeof require === 'function' ? bundled() : fromSource();
  return loaded;
}

// Literal require calls: what esbuild recognises and bundles.
function bundled(): HtmlLibraries {
  return {
    parseHTML: (require('linkedom') as { parseHTML: HtmlLibraries['parseHTML'] }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: HtmlLibraries['Readability'] })
      .Readability,
  };
}

function fromSource(): HtmlLibraries {
  const load = createRequire(import.meta.url);
  return {
    parseHTML: (load('linkedom') as { parseHTML: HtmlLibraries['parseHTML'] }).parseHTML,
    Readability: (load('@mozilla/readability') as { Readability: HtmlLibraries['Readability'] }).Readability,
  };
}
