// What the format readers (dist/formats/) take from htmlparser2: its Parser and ElementType. The
// package's index also re-exports DomUtils and parseFeed, which pull dom-serializer, domutils and
// entities' encoder (tables built when loaded) into the CLI's start-up chunk; cheerio, loaded only
// for word-processor files, still gets the whole index (scripts/bundle.mjs routes only
// dist/formats/ here). Same files as the index re-exports, so the same classes.
export { Parser } from '../node_modules/htmlparser2/dist/esm/Parser.js';
export * as ElementType from '../node_modules/domelementtype/lib/esm/index.js';
