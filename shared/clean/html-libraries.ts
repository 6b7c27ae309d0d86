// linkedom and Readability, loaded on the first HTML article rather than at import: together they
// are most of what importing the analyser costs (about 120 ms of CPU here), and a text, Markdown or
// plain JSON article never needs them. The clean path stays synchronous, so they load with a
// synchronous require: in a bundle, esbuild sees `require('…')` and bundles the library behind a
// lazy initialiser; run from source (tsx, vitest) an ES module has no `require`, so Node's own
// (createRequire) loads the packages' CommonJS builds.
//
// The analyze Lambda goes one step further: the libraries are a file of their own beside the
// handler's bundle, named at bundle time (infra/html-libraries-bundle.ts). V8 reads every byte of a
// bundle when it is imported, lazy or not, and their half megabyte cost each cold start about
// 25 ms of CPU for nothing when the article is not HTML.

import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as parseHtmlFunction } from 'linkedom';

export interface HtmlLibraries {
  parseHTML: typeof parseHtmlFunction;
  Readability: typeof ReadabilityClass;
}

// Defined by esbuild in the analyze Lambda's bundle (the file beside it); undeclared elsewhere. With
// it defined, esbuild drops the bundled() branch and, with it, the libraries from the bundle.
declare const __QUOTE_TONE_HTML_LIBRARIES__: string | undefined;

let loaded: HtmlLibraries | undefined;

/**
 * The HTML parser and reader view, loaded on first call.
 *
 * @example
 * const { parseHTML } = htmlLibraries();
 */
export function htmlLibraries(): HtmlLibraries {
  loaded ??=
    typeof __QUOTE_TONE_HTML_LIBRARIES__ === 'string'
      ? besideBundle(__QUOTE_TONE_HTML_LIBRARIES__)
      : typeof require === 'function'
        ? bundled()
        : fromSource();
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

// The libraries' own bundle, in the directory of the bundle this code is in.
function besideBundle(file: string): HtmlLibraries {
  return createRequire(import.meta.url)(`./${file}`) as HtmlLibraries;
}

function fromSource(): HtmlLibraries {
  const load = createRequire(import.meta.url);
  return {
    parseHTML: (load('linkedom') as { parseHTML: HtmlLibraries['parseHTML'] }).parseHTML,
    Readability: (load('@mozilla/readability') as { Readability: HtmlLibraries['Readability'] }).Readability,
  };
}
