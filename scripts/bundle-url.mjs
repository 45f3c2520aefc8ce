// Injected as import.meta.url into CommonJS bundles (scripts/package-vscode.mjs): the bundle's own file.
import { pathToFileURL } from 'node:url';

export const __giaBundleUrl = pathToFileURL(__filename).href;
