// Stands in for undici in the CLI bundle. cheerio imports undici at its top level only for
// cheerio.fromURL (fetching pages over HTTP), which gia-lint never calls; loading the real
// client cost ~30 ms of every start-up. The unbundled dist/ and the tests use the real package.
export {};
