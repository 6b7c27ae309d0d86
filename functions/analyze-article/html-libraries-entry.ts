// The entry of the HTML libraries' own bundle in the analyze Lambda, built beside the handler's
// (infra/html-libraries-bundle.ts) and loaded by shared/clean/html-libraries.ts on the first HTML
// article.
export { Readability } from '@mozilla/readability';
export { parseHTML } from 'linkedom';
