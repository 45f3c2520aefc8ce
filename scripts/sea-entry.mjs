// Entry of the single executable (scripts/build-sea.mjs): bin/gia-lint.js's choice between the
// CLI and the language server, with both bundled in (there is no dist/ beside the executable).
import { main } from '../dist/cli/main.js';
import { startServer } from '../dist/lsp/server.js';

const args = process.argv.slice(2);
const end = args.indexOf('--');
const flags = end === -1 ? args : args.slice(0, end);
if (flags.includes('--lsp') || flags.includes('--stdio')) startServer();
else main();
