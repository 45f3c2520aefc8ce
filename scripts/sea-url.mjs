// Injected into the single-executable bundle (scripts/build-sea.mjs) as the value of import.meta.url.
import { pathToFileURL } from 'node:url';

export const __giaSeaUrl = pathToFileURL(process.execPath).href;
