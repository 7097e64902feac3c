/**
 * `scaffold provider`: validates every option and every target path first, builds every file's
 * text, and only then writes them atomically. It refuses (and writes nothing) when a target exists
 * without `force`, when the name belongs to a catalog provider or a hand-written module, or when a
 * target is a symlink. It never touches the catalog: registering is a deliberate, reviewed edit.
 */
import { existsSync, lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { CAPABILITIES, type Capability, isCapability } from '../capabilities/index.ts';
import { ProblemError, type Problem } from '../problem.ts';
import { PROVIDER_NAMES } from '../providers/catalog.ts';
import { envVarNameSchema, providerIdSchema } from '../schema/primitives.ts';
import { envPrefix, orderedCapabilities, scaffoldPaths } from './layout.ts';
import { checklist, docsStub, fixturePlaceholder, providerModule, providerTest, runtimeStub, type ScaffoldOptions } from './templates.ts';

/** The command line as given, before validation. */
export interface ScaffoldInput {
  name: string;
  capability: readonly string[];
  remote?: boolean;
  local?: boolean;
  envVar?: readonly string[];
  force?: boolean;
}

export interface ScaffoldFile {
  /** Repository-relative path. */
  path: string;
  text: string;
  /** Whether a file is already there (only possible with `force`). */
  overwrites: boolean;
}

const ARGS = '(arguments)';
/** Keeps generated identifiers (and the lines holding them) readable. */
const MAX_NAME_LENGTH = 40;

/** Thrown with every problem of the input at once; nothing has been written. */
export class ScaffoldError extends ProblemError {}

function options(input: ScaffoldInput, problems: Problem[]): ScaffoldOptions {
  const name = input.name;
  if (!providerIdSchema().safeParse(name).success || name.length > MAX_NAME_LENGTH) {
    problems.push({
      file: ARGS,
      field: 'name',
      reason: `'${name}' is not a provider id`,
      hint: `use at most ${MAX_NAME_LENGTH} lower-case letters, digits and dashes, e.g. my-model`,
    });
  } else if (PROVIDER_NAMES.includes(name)) {
    problems.push({
      file: ARGS,
      field: 'name',
      reason: `'${name}' is already a catalog provider`,
      hint: `run npx worldforge workbench ${name} instead`,
    });
  }
  if (!input.capability.length) {
    problems.push({
      file: ARGS,
      field: '--capability',
      reason: 'no planned capability given',
      hint: `repeat --capability, one of ${CAPABILITIES.join(', ')}`,
    });
  }
  for (const c of input.capability.filter((c) => !isCapability(c))) {
    problems.push({ file: ARGS, field: '--capability', reason: `'${c}' is not a capability`, hint: `one of ${CAPABILITIES.join(', ')}` });
  }
  if (input.remote && input.local) {
    problems.push({
      file: ARGS,
      field: '--remote/--local',
      reason: 'both given',
      hint: 'a provider is either a remote API or a local runtime',
    });
  }
  const runtime = input.local ? 'prepared-host' : 'remote-api';
  const given = input.envVar ?? [];
  for (const v of given.filter((v) => !envVarNameSchema().safeParse(v).success)) {
    problems.push({
      file: ARGS,
      field: '--env-var',
      reason: `'${v}' is not an env var name`,
      hint: 'upper-case letters, digits and underscores, e.g. MY_MODEL_API_KEY',
    });
  }
  const envVars = given.length ? [...new Set(given)] : runtime === 'remote-api' ? [`${envPrefix(name)}_API_KEY`] : [];
  return { name, capabilities: orderedCapabilities(input.capability.filter(isCapability) as Capability[]), runtime, envVars };
}

/** Every file of the scaffold with its text, or a `ScaffoldError` listing every problem. Reads only. */
export function planScaffold(root: string, input: ScaffoldInput): ScaffoldFile[] {
  const problems: Problem[] = [];
  const o = options(input, problems);
  if (problems.length) throw new ScaffoldError(problems, 'Invalid scaffold options');
  const paths = scaffoldPaths(o.name, o.capabilities);
  const texts: [string, string][] = [
    [paths.module, providerModule(o)],
    [paths.test, providerTest(o)],
    ...o.capabilities.flatMap((c): [string, string][] => [
      [paths.fixtures[o.capabilities.indexOf(c) * 2]!, fixturePlaceholder(o, c, 'success')],
      [paths.fixtures[o.capabilities.indexOf(c) * 2 + 1]!, fixturePlaceholder(o, c, 'error')],
    ]),
    [paths.runtimeStub, runtimeStub(o)],
    [paths.docs, docsStub(o)],
    [paths.checklist, checklist(o)],
  ];
  // A module without a stub beside it was written by hand (or is base.ts, catalog.ts…): never replace it.
  if (existsSync(join(root, paths.module)) && !existsSync(join(root, paths.runtimeStub))) {
    problems.push({
      file: paths.module,
      field: 'name',
      reason: 'a provider module that is not a scaffold already has this name',
      hint: 'choose another name; --force never replaces a hand-written module',
    });
  }
  const files = texts.map(([path, text]) => {
    const full = join(root, path);
    const exists = existsSync(full) || isSymlink(full);
    if (isSymlink(full))
      problems.push({ file: path, field: '(path)', reason: 'is a symlink', hint: 'remove the link; scaffolds never write through one' });
    else if (exists && !input.force)
      problems.push({ file: path, field: '(path)', reason: 'already exists', hint: 'pass --force to overwrite the scaffold files' });
    return { path, text, overwrites: exists };
  });
  if (problems.length) throw new ScaffoldError(problems, 'Refusing to scaffold');
  return files;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Writes a validated plan, each file atomically; files created before a failed write are removed. */
export function writeScaffold(root: string, files: readonly ScaffoldFile[]): void {
  const created: string[] = [];
  try {
    for (const file of files) {
      const full = join(root, file.path);
      writeFileAtomic(full, file.text);
      if (!file.overwrites) created.push(full);
    }
  } catch (error) {
    for (const path of created) rmSync(path, { force: true });
    throw error;
  }
}
