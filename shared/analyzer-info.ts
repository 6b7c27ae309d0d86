// Stamped into every report so a reader can tell which analyser produced it.
// A test keeps the version equal to package.json's.
export const ANALYZER = { name: 'quote-tone', version: '0.1.0' } as const;
