/**
 * The installable package, end to end: `npm pack` in a repository copy builds dist-pkg/ (prepack)
 * and yields a small tarball; the tarball is unpacked into a temporary project, which imports
 * `worldforge`, calls the mock, runs the contract check on the mock and on its own adapter,
 * registers external providers through worldforge.config.json (duplicate, missing, throwing and
 * factory-less modules become typed skips) and typechecks against the shipped declarations.
 *
 * Installing the tarball with `npm install <tgz> --offline` is impossible here: the npm cache
 * holds the locked tarballs but not the registry metadata a fresh install needs to resolve
 * ranges. So the test unpacks the tarball itself into node_modules/worldforge and links its
 * runtime dependencies from this repository's node_modules, which is what npm would install.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyRepo, REPO } from '../helpers/repo-copy.ts';

const repo = copyRepo();
const project = mkdtempSync(join(tmpdir(), 'wf-consumer-'));
afterAll(() => {
  repo.remove();
  rmSync(project, { recursive: true, force: true });
});

const PROVIDER = `import { Provider } from 'worldforge';
export default () => new (class extends Provider {
  profile = { name: 'acme', capabilities: ['embed'], maturity: 'experimental', runtime_ownership: 'checkout-safe',
    deterministic: true, required_env_vars: [], description: 'A consumer-side adapter.' };
  handlers = { embed: (r) => ({ provider: 'acme', model: 'acme-1', vector: [r.text.length, 1], shape: [2] }) };
})();
`;

const RUN = `import { checkProviderContract, createProvider, loadExternalProviders, MockProvider } from 'worldforge';
const mock = new MockProvider();
const embedded = await mock.call('embed', { text: 'hello' });
const external = await loadExternalProviders({ cwd: process.cwd() });
const acme = external.factories.get('acme')();
const contracts = [await checkProviderContract(mock), await checkProviderContract(acme)];
process.stdout.write(JSON.stringify({
  embed_dims: embedded.vector.length,
  catalog_mock: createProvider('mock').name,
  contracts: contracts.map((c) => ({ provider: c.provider, ok: c.ok, cases: c.cases.length })),
  diagnostics: external.diagnostics.map((d) => [d.specifier, d.status, d.reason]),
}));
`;

const TYPED = `import { type CapabilityResult, MockProvider, type ProviderProfile, UnsupportedCapabilityError } from 'worldforge';
const profile: ProviderProfile = new MockProvider().profile;
const result: CapabilityResult<'embed'> = await new MockProvider().call('embed', { text: 'x' });
const dims: number = result.vector.length;
export { dims, profile, UnsupportedCapabilityError };
`;

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, output: `${r.stdout}${r.stderr}` };
}

describe('installable package', () => {
  it('packs a small tarball that a temporary project imports, contract-checks and typechecks', () => {
    repo.write('tsconfig.package.json', readFileSync(join(REPO, 'tsconfig.package.json'), 'utf8'));
    const pack = run('npm', ['pack', '--json', '--pack-destination', project], repo.root);
    expect(pack.code, pack.output).toBe(0);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
      filename: string;
      size: number;
      files: { path: string }[];
    }[];
    const tarball = join(project, info!.filename);
    expect(statSync(tarball).size).toBeLessThan(400_000);
    const files = info!.files.map((f) => f.path);
    expect(files).toContain('dist-pkg/src/worldforge/package/index.d.ts');
    expect(files).toContain('dist-pkg/fixtures/capabilities/embed/valid-short-text.json');
    expect(
      files.some(
        (f) =>
          f.startsWith('evidence/') || f.startsWith('content/') || f.startsWith('tests/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')),
      ),
    ).toBe(false);

    const installed = join(project, 'node_modules', 'worldforge');
    mkdirSync(installed, { recursive: true });
    expect(run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], project).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dep of [...Object.keys(manifest.dependencies), '@types/node']) {
      mkdirSync(dirname(join(project, 'node_modules', dep)), { recursive: true });
      symlinkSync(join(REPO, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
    }

    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(project, 'acme.mjs'), PROVIDER);
    writeFileSync(join(project, 'dup.mjs'), "import { MockProvider } from 'worldforge';\nexport default () => new MockProvider();\n");
    writeFileSync(join(project, 'throws.mjs'), "throw new Error('boom at import');\n");
    writeFileSync(join(project, 'bad-factory.mjs'), "export function createProvider() { throw new Error('no runtime'); }\n");
    writeFileSync(join(project, 'nothing.mjs'), 'export const x = 1;\n');
    const specifiers = ['./acme.mjs', './dup.mjs', './missing.mjs', './throws.mjs', './bad-factory.mjs', './nothing.mjs', './acme.mjs'];
    writeFileSync(join(project, 'worldforge.config.json'), JSON.stringify({ providers: specifiers }));
    writeFileSync(join(project, 'run.mjs'), RUN);

    const consumer = run(process.execPath, ['run.mjs'], project);
    expect(consumer.code, consumer.output).toBe(0);
    expect(JSON.parse(consumer.stdout)).toEqual({
      embed_dims: 32,
      catalog_mock: 'mock',
      contracts: [
        { provider: 'mock', ok: true, cases: 17 },
        { provider: 'acme', ok: true, cases: 9 },
      ],
      diagnostics: [
        ['./acme.mjs', 'registered', null],
        ['./dup.mjs', 'skipped', 'duplicate'],
        ['./missing.mjs', 'skipped', 'module_missing'],
        ['./throws.mjs', 'skipped', 'module_threw'],
        ['./bad-factory.mjs', 'skipped', 'factory_threw'],
        ['./nothing.mjs', 'skipped', 'no_factory'],
        ['./acme.mjs', 'skipped', 'duplicate'],
      ],
    });

    writeFileSync(join(project, 'typed.ts'), TYPED);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2023', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
        files: ['typed.ts'],
      }),
    );
    const types = run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
    expect(types.code, types.output).toBe(0);
  }, 300_000);
});
