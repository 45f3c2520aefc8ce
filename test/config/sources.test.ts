/**
 * Where a resolved config came from (`--print-config`'s "sources"): every preset, config file,
 * shareable config package, plugin config and matching override, in the order applied, with the
 * resolved path and the config that named it.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { ConfigResolver, explainConfigForFile } from '../../src/config/load.js';
import { builtinRules } from '../../src/rules/index.js';
import { removeTempTrees, tempTree } from './tmp.js';

afterAll(removeTempTrees);

describe('sources of a resolved config', () => {
  test('the extends chain in order: presets, a package, a file by path, the file itself, its matching override', async () => {
    const root = tempTree({
      '.gianrc': {
        extends: ['province', './shared/base.json'],
        overrides: [
          { files: '*.md', locale: 'en' },
          { files: '*.txt', year: 2020 },
        ],
      },
      'shared/base.yaml': 'extends: strict\n',
      'shared/base.json': { extends: './base.yaml', year: 2023 },
      'node_modules/gia-lint-config-province/package.json': { name: 'gia-lint-config-province', main: 'index.json' },
      'node_modules/gia-lint-config-province/index.json': { extends: 'gia-lint:recommended' },
    });
    const rc = path.join(root, '.gianrc');
    const pkg = path.join(root, 'node_modules/gia-lint-config-province/index.json');
    const { config, sources } = await explainConfigForFile(path.join(root, 'r.md'), { cwd: root, rules: builtinRules });
    expect(sources).toEqual([
      { kind: 'default', name: 'gia-lint:recommended' },
      { kind: 'preset', name: 'gia-lint:recommended', extendedBy: pkg },
      { kind: 'package', name: 'province', path: pkg, extendedBy: rc },
      { kind: 'preset', name: 'gia-lint:strict', extendedBy: path.join(root, 'shared/base.yaml') },
      { kind: 'file', name: './base.yaml', path: path.join(root, 'shared/base.yaml'), extendedBy: path.join(root, 'shared/base.json') },
      { kind: 'file', name: './shared/base.json', path: path.join(root, 'shared/base.json'), extendedBy: rc },
      { kind: 'file', name: '.gianrc', path: rc },
      // overrides[1] (*.txt) does not match r.md, so it is not listed.
      { kind: 'override', name: 'overrides[0]', path: rc },
    ]);
    // The same config as forFile gives.
    expect(config).toEqual(await new ConfigResolver({ cwd: root, rules: builtinRules }).forFile(path.join(root, 'r.md')));
    expect(config).toMatchObject({ locale: 'en', year: 2023, ruleSeverity: 'exact' });
  });

  test('a given --config and non-empty overrideConfig (the command line) are listed; an empty one is not', async () => {
    const root = tempTree({ 'cfg/team.json': { year: 2022 } });
    const configFile = path.join(root, 'cfg/team.json');
    const withOptions = await explainConfigForFile(path.join(root, 'r.md'), { cwd: root, configFile, overrideConfig: { extends: 'strict', locale: 'en' } });
    expect(withOptions.sources).toEqual([
      { kind: 'default', name: 'gia-lint:recommended' },
      { kind: 'file', name: path.join('cfg', 'team.json'), path: configFile },
      { kind: 'preset', name: 'gia-lint:strict', extendedBy: 'overrideConfig' },
      { kind: 'options', name: 'overrideConfig' },
    ]);
    const empty = await explainConfigForFile(path.join(root, 'r.md'), { cwd: root, configFile, overrideConfig: { locale: undefined } });
    expect(empty.sources.map((s) => s.kind)).toEqual(['default', 'file']);
  });

  test('without a config file: the built-in default only', async () => {
    const { sources } = await explainConfigForFile(undefined, { cwd: tempTree(), useConfigFile: false });
    expect(sources).toEqual([{ kind: 'default', name: 'gia-lint:recommended' }]);
  });
});
