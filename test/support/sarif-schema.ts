import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The official SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json, draft-07), as shipped inside an
 * npm package: @datadog/datadog-ci 2.48.0 validates uploads with it. The package itself (400 deps)
 * is not worth installing for one JSON file, so `npm pack` fetches just its tarball from the
 * registry once, the file is extracted, checked against a pinned sha256 and kept in
 * node_modules/.cache. Anything going wrong is a thrown error, never a skipped validation.
 */
const PACKAGE = '@datadog/datadog-ci@2.48.0';
const MEMBER = 'package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json';
const SHA256 = '10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHED = path.join(ROOT, 'node_modules/.cache/gia-lint-test/sarif-schema-2.1.0.json');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function officialSarifSchema(): Record<string, unknown> {
  if (!existsSync(CACHED) || sha(readFileSync(CACHED)) !== SHA256) fetchSchema();
  return JSON.parse(readFileSync(CACHED, 'utf8')) as Record<string, unknown>;
}

function fetchSchema(): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sarif-schema-'));
  try {
    const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', tmp, '--silent'], { encoding: 'utf8', cwd: tmp });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (pack.status !== 0 || !tgz) throw new Error(`npm pack ${PACKAGE} failed (${pack.status}): ${pack.stderr}`);
    const tar = spawnSync('tar', ['-xzf', path.join(tmp, tgz), '-C', tmp, MEMBER], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`cannot extract ${MEMBER}: ${tar.stderr}`);
    const file = path.join(tmp, MEMBER);
    const got = sha(readFileSync(file));
    if (got !== SHA256) throw new Error(`${MEMBER} from ${PACKAGE} has sha256 ${got}, expected ${SHA256}`);
    mkdirSync(path.dirname(CACHED), { recursive: true });
    copyFileSync(file, CACHED);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
