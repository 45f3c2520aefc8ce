// Builds the VS Code extension as a .vsix that carries the language server itself, so that no
// gia-lint needs to be installed: editors/vscode/extension.js and vscode-languageclient bundled
// into dist/extension.js; the server (dist/lsp/, with every dependency) bundled into
// server/lsp/server.cjs, which VS Code runs with its own Node; the rule pages (docs/rules/, the
// server's hover links point there); LICENSE and a README. Packed by @vscode/vsce, offline.
//
//   npm run build && npm run package:vscode     → build/gia-lint-vscode-<version>.vsix
//   code --install-extension build/gia-lint-vscode-<version>.vsix
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'editors/vscode/package.json'), 'utf8'));
const stage = path.join(root, 'build', 'vscode');
const vsix = path.join(root, 'build', `gia-lint-vscode-${pkg.version}.vsix`);

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(root, 'editors/vscode/extension.js')], outfile: path.join(stage, 'dist/extension.js'), external: ['vscode'] });
await build({
  ...common,
  entryPoints: [path.join(root, 'scripts/vscode-server-entry.mjs')],
  // server/lsp/: the server finds ../../package.json (its version) and ../../docs/rules/ from there.
  outfile: path.join(stage, 'server/lsp/server.cjs'),
  mainFields: ['module', 'main'],
  define: { 'import.meta.url': '__giaBundleUrl' },
  inject: [path.join(root, 'scripts/bundle-url.mjs')],
  alias: { undici: path.join(root, 'scripts/undici-stub.mjs') },
});
cpSync(path.join(root, 'docs/rules'), path.join(stage, 'docs/rules'), { recursive: true });
cpSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));

const { dependencies: _bundled, private: _private, ...rest } = manifest;
writeFileSync(
  path.join(stage, 'package.json'),
  `${JSON.stringify(
    { ...rest, version: pkg.version, main: './dist/extension.js', license: pkg.license, repository: pkg.repository, homepage: pkg.homepage, bugs: pkg.bugs },
    null,
    2,
  )}\n`,
);
writeFileSync(
  path.join(stage, 'README.md'),
  `# gia-lint for VS Code\n\n检查政府信息公开工作年度报告草稿（Markdown、HTML、纯文本）：保存或输入时即时提示问题、快速修复、规则说明。\n\n` +
    `Lints drafts of Chinese government annual reports on information disclosure while you type. The language server is\n` +
    `bundled: nothing else needs to be installed. A workspace with its own \`node_modules/gia-lint\` uses that one (its\n` +
    `version and plugins); \`gia-lint.path\` names another. Plugins named in the workspace's \`.gianrc\` are loaded from the\n` +
    `workspace's \`node_modules\` (their code runs; see the gia-lint README, "Security").\n\nDocumentation: ${pkg.homepage}\n`,
);
// Everything staged is meant to ship; .vscodeignore keeps out what vsce would otherwise pick up.
writeFileSync(path.join(stage, '.vscodeignore'), ['**/*.map', '**/.DS_Store', 'node_modules/**', '.vscodeignore', ''].join('\n'));

rmSync(vsix, { force: true });
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], {
  cwd: stage,
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(`${path.relative(process.cwd(), vsix)}\n`);
