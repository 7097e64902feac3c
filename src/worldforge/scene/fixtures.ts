/**
 * The scene fixture corpus: `fixtures/scenes/{valid,invalid}-<name>.json`, each an envelope around
 * one artifact and the outcome it expects. Artifacts may use three encodings JSON lacks, so the
 * corpus can hold the values the JSON-native pre-pass must refuse:
 * `{"$number": "NaN" | "Infinity" | "-Infinity"}`, `{"$float32": [..]}` (a Float32Array, as a
 * tensor would arrive) and `{"$date": "…"}` (a Date instance).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readFileEntries } from '../evidence/read.ts';
import { FIXTURE_ORIGINS } from '../fixtures/schema.ts';
import { FixtureCorpusError, type FixtureProblem } from '../fixtures/load.ts';
import { parseJsonStrict } from '../strict-json.ts';
import { zodIssues } from '../validation.ts';
import { SCENE_ERROR_CODE_LIST } from './codes.ts';
import { once } from '../once.ts';

const sharedFixtureSchema = once(() => sceneFixtureSchema());

export const SCENE_CORPUS_DIR = 'fixtures/scenes';

export const sceneFixtureSchema = () =>
  z.strictObject({
    /** `scenes.<file name without .json>`. */
    id: z.string().regex(/^scenes\.(valid|invalid)-[a-z0-9-]+$/, { message: 'must look like scenes.<valid|invalid>-<name>' }),
    /** One sentence: what the case exercises. */
    description: z.string().min(10),
    /** Where the artifact came from. */
    origin: z.enum(FIXTURE_ORIGINS),
    /** The artifact, with the `$number` / `$float32` / `$date` encodings. */
    artifact: z.json(),
    /** Accepted, or refused with this scene error code among its issues. */
    expect: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true) }),
      z.strictObject({ ok: z.literal(false), error: z.enum(SCENE_ERROR_CODE_LIST) }),
    ]),
  });
export type SceneFixture = z.infer<ReturnType<typeof sceneFixtureSchema>> & { path: string };

const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/** Decodes the corpus encodings into the in-memory values a caller could hand the validator. */
export function decodeSceneValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeSceneValue);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [key, inner] = entries[0]!;
    if (key === '$number' && typeof inner === 'string' && inner in NON_FINITE) return NON_FINITE[inner];
    if (key === '$float32' && Array.isArray(inner)) return Float32Array.from(inner as number[]);
    if (key === '$date' && typeof inner === 'string') return new Date(inner);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, decodeSceneValue(v)]));
}

function parseSceneFixture(path: string, text: string): { fixture?: SceneFixture; problems: FixtureProblem[] } {
  const strict = parseJsonStrict(text, path);
  if (!strict.ok) return { problems: [strict.problem] };
  const json = strict.value;
  const parsed = sharedFixtureSchema().safeParse(json);
  if (!parsed.success) return { problems: zodIssues(parsed.error, json).map((i) => ({ file: path, field: i.path, reason: i.message })) };
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.json$/, '');
  const problems: FixtureProblem[] = [];
  if (parsed.data.id !== `scenes.${name}`)
    problems.push({ file: path, field: 'id', reason: `expected 'scenes.${name}' (file name), found '${parsed.data.id}'` });
  const kind = name.startsWith('valid-') ? true : name.startsWith('invalid-') ? false : null;
  if (kind === null) problems.push({ file: path, field: '(file name)', reason: 'must start with valid- or invalid-' });
  else if (kind !== parsed.data.expect.ok)
    problems.push({ file: path, field: 'expect.ok', reason: `a ${kind ? 'valid-' : 'invalid-'} file must expect ok: ${kind}` });
  return problems.length ? { problems } : { fixture: { ...parsed.data, path }, problems };
}

/** Every scene fixture under `root`, sorted by file name; throws FixtureCorpusError on problems. */
export function loadSceneCorpus(root: string): SceneFixture[] {
  const { files, refused } = readFileEntries(join(root, SCENE_CORPUS_DIR), '.json');
  const fixtures: SceneFixture[] = [];
  const problems: FixtureProblem[] = refused.map(({ name, reason }) => ({ file: `${SCENE_CORPUS_DIR}/${name}`, field: '(file)', reason }));
  for (const { name, text } of files) {
    const result = parseSceneFixture(`${SCENE_CORPUS_DIR}/${name}`, text);
    problems.push(...result.problems);
    if (result.fixture) fixtures.push(result.fixture);
  }
  if (problems.length) throw new FixtureCorpusError(problems);
  return fixtures;
}
