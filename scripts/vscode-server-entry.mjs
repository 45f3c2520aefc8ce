// The language server bundled into the .vsix (scripts/package-vscode.mjs); VS Code starts it with --stdio.
import { startServer } from '../dist/lsp/server.js';

startServer();
