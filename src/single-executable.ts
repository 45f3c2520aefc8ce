/**
 * What the single-executable build (scripts/build-sea.mjs) tells the code it bundles, through a
 * global its banner sets. In that build there is no package folder beside the code: no
 * package.json to read the version from, no dist/batch/worker.js to start worker threads with,
 * no dist/ tree to fingerprint for the cache.
 */
interface Embedded {
  version: string;
}

export const singleExecutable: Embedded | undefined = (globalThis as { __GIA_LINT_SEA__?: Embedded }).__GIA_LINT_SEA__;
