// The CLI's pre-bundled build: one ES module (.cache/cli/wf.mjs) that Node loads without a
// TypeScript loader, which halves the start-up of every `worldforge` run. A sidecar
// (.cache/cli/inputs.json) lists every source the bundle was built from with its size and digest,
// and the digests of the files it wrote; a run whose sources or bundle files differ from the
// sidecar rebuilds first, so a changed source file is never served from a stale bundle. Without
// esbuild the CLI falls back to tsx.
//
// `.cache/` is in the checkout, where a branch could commit a crafted bundle with a sidecar that
// vouches for it. So the sidecar is sealed under this user's key (src/worldforge/seal.mjs, as the
// check's caches are): one this user's build did not write reads as no sidecar, and the bundle is
// rebuilt from the sources. Nor is the bundle read or written through a symlinked `.cache` or
// `.cache/cli`: then the CLI runs through tsx.
// Plain JavaScript on purpose: this file must run before any TypeScript loader exists.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeFolders } from '../src/worldforge/make-folders.mjs';
import { sealKey, sealText, unsealText } from '../src/worldforge/seal.mjs';

/** Where the bundle lives (git-ignored), relative to the repository root. */
export const BUNDLE_DIR = '.cache/cli';
const ENTRY = 'scripts/wf.ts';
const BUNDLE = 'wf.mjs';
/**
 * The text-scan worker (src/worldforge/text-scan/worker.ts), bundled beside the CLI from the same
 * build, so it runs exactly the scans of this bundle's sources.
 */
const WORKER_ENTRY = 'src/worldforge/text-scan/worker.ts';
const WORKER = 'text-scan-worker.mjs';
const SIDECAR = 'inputs.json';
/** Read by esbuild besides the modules (module type, tsconfig options), so they are inputs too. */
const CONFIG_INPUTS = ['package.json', 'tsconfig.json'];
/** Bumped when the way the bundle is built changes, so an older bundle is rebuilt. */
const FORMAT = 3;

const digest = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const posix = (path) => path.split(sep).join('/');

/** The folder of `.cache/cli` that is a symlink (committed by a branch, say), or null. */
function linkedFolder(root) {
  for (const folder of ['.cache', BUNDLE_DIR]) {
    try {
      if (lstatSync(join(root, folder)).isSymbolicLink()) return folder;
    } catch {
      return null; // absent: created as a real folder on build
    }
  }
  return null;
}

/** The sidecar this user's build wrote (its seal verifies), or null. */
function readSidecar(root) {
  const key = sealKey();
  if (!key || linkedFolder(root)) return null;
  try {
    const payload = unsealText(key, readFileSync(join(root, BUNDLE_DIR, SIDECAR), 'utf8'));
    const sidecar = payload === null ? null : JSON.parse(payload);
    return sidecar?.format === FORMAT && Array.isArray(sidecar.inputs) && typeof sidecar.outputs === 'object' ? sidecar : null;
  } catch {
    return null;
  }
}

/** The installed esbuild's version, or null when it cannot be read (then it is not compared). */
function esbuildVersion(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/**
 * The sidecar, when the bundle matches its sources: the bundle and worker are the files this
 * sidecar's build wrote, by the esbuild installed now, and each recorded input still exists with
 * the same size and digest; else null. Digests, not mtimes: an edit that keeps the size within the
 * same mtime tick, or a tool that restores mtimes (rsync -t, tar, touch -r), must still rebuild.
 * Hashing the ~300 sources takes about 10 ms.
 */
function freshSidecar(root) {
  const sidecar = readSidecar(root);
  if (!sidecar) return null;
  try {
    const esbuild = esbuildVersion(root);
    if (esbuild !== null && esbuild !== sidecar.esbuild) return null;
    // Two builds racing after an edit can leave one's bundle beside the other's sidecar.
    for (const name of [BUNDLE, WORKER]) {
      if (digest(join(root, BUNDLE_DIR, name)) !== sidecar.outputs[name]) return null;
    }
    for (const input of sidecar.inputs) {
      const full = join(root, input.path);
      if (statSync(full).size !== input.size || digest(full) !== input.sha256) return null;
    }
  } catch {
    return null;
  }
  return sidecar;
}

/** Whether the bundle matches its sources (`freshSidecar`). */
export const bundleIsFresh = (root) => freshSidecar(root) !== null;

/**
 * esbuild plugin: every module keeps its own `import.meta.url` (suites name their own source
 * file in evidence; modules find files beside them), spelled relative to the bundle so a moved or
 * copied repository keeps working.
 */
function ownModuleUrls(root) {
  const outDir = join(root, BUNDLE_DIR);
  return {
    name: 'own-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
        const own = `new URL(${JSON.stringify(posix(relative(outDir, args.path)))}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', own), loader: 'ts' };
      });
    },
  };
}

/** Refused to build: `.cache` or `.cache/cli` is a symlink (`loadCli` then runs through tsx). */
export class LinkedBundleFolderError extends Error {
  code = 'WORLDFORGE_BUNDLE_FOLDER_LINKED';
}

/**
 * Builds the bundle and its sealed sidecar (written atomically: parallel runs never see half a
 * file). Without a sealing key the sidecar is not written, so every run rebuilds: slower, never
 * stale or forged.
 */
export async function buildBundle(root) {
  const linked = linkedFolder(root);
  if (linked) throw new LinkedBundleFolderError(`${linked} is a symbolic link; the CLI is not bundled through it`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [BUNDLE.replace(/\.mjs$/, '')]: ENTRY, [WORKER.replace(/\.mjs$/, '')]: WORKER_ENTRY },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: join(root, BUNDLE_DIR),
    outExtension: { '.js': '.mjs' },
    plugins: [ownModuleUrls(root)],
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...CONFIG_INPUTS])]
    .filter((path) => !path.startsWith('node_modules/'))
    .sort()
    .map((path) => {
      const full = join(root, path);
      const stat = statSync(full);
      return { path: posix(path), size: stat.size, sha256: digest(full) };
    });
  const dir = join(root, BUNDLE_DIR);
  makeFolders(dir);
  const atomic = (name, contents) => {
    const temporary = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, contents);
    renameSync(temporary, join(dir, name));
  };
  // The worker first: a bundle never sits beside an older worker once its sidecar says fresh.
  const output = (name) => result.outputFiles.find((file) => file.path === join(dir, name)).contents;
  atomic(WORKER, output(WORKER));
  atomic(BUNDLE, output(BUNDLE));
  const outputs = Object.fromEntries([BUNDLE, WORKER].map((name) => [name, createHash('sha256').update(output(name)).digest('hex')]));
  const sidecar = { format: FORMAT, esbuild: esbuild.version, entries: [ENTRY, WORKER_ENTRY], outputs, inputs };
  const key = sealKey();
  if (key) atomic(SIDECAR, sealText(key, `${JSON.stringify(sidecar, null, 2)}\n`));
  return join(dir, BUNDLE);
}

async function viaTsx(root) {
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, ENTRY)).href);
}

/**
 * The CLI module (`{ main }`): the bundle when it is fresh (rebuilt first when it is not), tsx
 * when esbuild is unavailable or WORLDFORGE_NO_BUNDLE=1. A distinct `instance` gives a new module
 * instance (no state shared with an earlier load in this process: the in-process test helper).
 */
export async function loadCli(root, instance = '') {
  if (process.env.WORLDFORGE_NO_BUNDLE === '1') return viaTsx(root);
  let bundle = join(root, BUNDLE_DIR, BUNDLE);
  let sidecar = freshSidecar(root);
  if (!sidecar) {
    try {
      bundle = await buildBundle(root);
    } catch (error) {
      if (error instanceof LinkedBundleFolderError) {
        process.stderr.write(`worldforge: ${error.message}; running through tsx.\n`);
        return viaTsx(root);
      }
      // A source that does not compile fails the same way under tsx, with its own message.
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' && !error?.errors) throw error;
      return viaTsx(root);
    }
    sidecar = readSidecar(root);
  }
  // The query names this build (its digest, from the sidecar), so a process that loads the CLI
  // again after a rebuild (the in-process test helper) gets the new code, not its module cache.
  const build = sidecar?.outputs[BUNDLE]?.slice(0, 16) ?? statSync(bundle).mtimeMs;
  const cli = await import(`${pathToFileURL(bundle).href}?build=${build}${instance ? `&instance=${instance}` : ''}`);
  // The bundled CLI scans texts on a worker thread (src/worldforge/text-scan/pool.ts).
  cli.useTextScanWorker?.(pathToFileURL(join(dirname(bundle), WORKER)));
  return cli;
}

/**
 * `node bin/cli-bundle.mjs`: (re)build the bundle (npm's prepare step). With `--if-stale`
 * (`npm run build`), only when a source differs from the one it was built from.
 */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  if (process.argv.includes('--if-stale') && bundleIsFresh(root)) process.exit(0);
  try {
    const path = await buildBundle(root);
    process.stderr.write(`worldforge: bundled the CLI into ${posix(relative(root, path))}\n`);
  } catch (error) {
    // Never fail `npm ci` over it: the first run rebuilds (or falls back to tsx) and reports the error there.
    process.stderr.write(
      `worldforge: warning: the CLI was not bundled (${String(error?.message ?? error).split('\n')[0]}); it runs through tsx until it can be.\n`,
    );
  }
}
