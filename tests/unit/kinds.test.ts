/**
 * The evidence-kind registry: every kind folder is registered with one definition, the class
 * policy, refs, routes, collections and subjects all come from it, and a new kind added in its own
 * folder (plus its registry line) is picked up end to end by `worldforge evidence` and the check.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allSubjects, readCommittedEvidence } from '../../generators/run.ts';
import { CLASS_POLICY, NO_BACKING_KIND } from '../../src/worldforge/claims/backing.ts';
import { resolveRef } from '../../src/worldforge/claims/refs.ts';
import { EVIDENCE_CLASSES } from '../../src/worldforge/claims/schema.ts';
import { repoRefSources } from '../../src/worldforge/claims/sources.ts';
import { EVIDENCE_KINDS, evidenceKindOf, evidenceSchemaOf } from '../../src/worldforge/evidence/index.ts';
import { KINDS } from '../../src/worldforge/kinds/index.ts';
import { ALL_KINDS, AUTHORED_KINDS, kindById } from '../../src/worldforge/kinds/registry.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

const KINDS_DIR = join(REPO, 'src/worldforge/kinds');
const folders = () =>
  readdirSync(KINDS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('the kind registry', () => {
  it('registers every kind folder exactly once, in folder order, each with a kind.ts', () => {
    expect(KINDS.map((kind) => kind.id)).toEqual(folders());
    for (const folder of folders()) expect(readdirSync(join(KINDS_DIR, folder)), folder).toContain('kind.ts');
    // One `import { kind as … } from './<folder>/kind.ts'` line per folder: the shape a generator writes.
    const imports = [
      ...readFileSync(join(KINDS_DIR, 'index.ts'), 'utf8').matchAll(/^import \{ kind as \w+ \} from '\.\/([a-z-]+)\/kind\.ts';$/gm),
    ];
    expect(imports.map((m) => m[1])).toEqual(folders());
  });

  it('keeps the collection names pages use, and adds scenes', () => {
    // The names pages pass to getCollection(); a new kind adds its own without renaming these.
    const names = ALL_KINDS.map((kind) => kind.collection.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'conformance',
        'designRecords',
        'evaluation',
        'exchanges',
        'fixtures',
        'galleries',
        'liveSmoke',
        'scenes',
        'selectionRecords',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const kind of Object.values(EVIDENCE_KINDS)) {
      expect(kind.collection, kind.id).toMatchObject({ name: kind.id, base: './evidence', pattern: `${kind.id}/*.json` });
    }
  });

  it('keys EVIDENCE_KINDS by evidence folder, without prototype keys', () => {
    expect(Object.keys(EVIDENCE_KINDS)).toEqual(ALL_KINDS.filter((kind) => kind.origin === 'generated').map((kind) => kind.id));
    expect(Object.keys(EVIDENCE_KINDS)).toEqual(
      expect.arrayContaining(['conformance', 'evaluation', 'exchanges', 'fixtures', 'galleries', 'scenes']),
    );
    expect('constructor' in EVIDENCE_KINDS).toBe(false);
    expect(evidenceKindOf('constructor/x.json')).toBeNull();
    expect(evidenceKindOf('design-records/genie.json')).toBeNull();
    expect(evidenceKindOf('scenes/artifacts.json')).toBe('scenes');
  });
});

describe('the class policy, derived from the kinds', () => {
  it('names only registered kinds, and each class lists the kinds that declare it', () => {
    for (const cls of EVIDENCE_CLASSES) {
      for (const kind of CLASS_POLICY[cls].kinds) expect(kindById(kind)?.classes, `${cls} → ${kind}`).toContain(cls);
      expect(CLASS_POLICY[cls].requirement.length, cls).toBeGreaterThan(10);
      expect(CLASS_POLICY[cls].meaning.length, cls).toBeGreaterThan(10);
    }
  });

  it('backs each class with the same kinds as before the registry; a class no kind backs says so', () => {
    // Pinned per kind, so a new kind adds itself without editing this list.
    const before: Record<string, readonly string[]> = {
      conformance: ['checkout-tested'],
      evaluation: ['checkout-tested'],
      exchanges: ['checkout-tested'],
      fixtures: ['checkout-tested', 'fixture-tested'],
      galleries: ['checkout-tested'],
      scenes: ['checkout-tested', 'fixture-tested'],
      'live-smoke': ['prepared-host-smoke-tested'],
      'design-records': ['deferred'],
      'selection-records': ['deferred'],
    };
    for (const [id, classes] of Object.entries(before)) expect([...(kindById(id)?.classes ?? [])].sort(), id).toEqual([...classes].sort());
    expect(CLASS_POLICY.unsupported.kinds).toEqual([]);
    for (const cls of EVIDENCE_CLASSES) {
      const none = CLASS_POLICY[cls].kinds.length === 0 && cls !== 'unsupported';
      if (none) expect(CLASS_POLICY[cls].requirement, cls).toContain(NO_BACKING_KIND);
    }
  });
});

describe('refs resolve through their kind', () => {
  const sources = repoRefSources(REPO, readCommittedEvidence());
  const resolve = (ref: string) => {
    const r = resolveRef(ref, sources);
    return r.found ? r.status : `missing: ${r.detail}`;
  };

  it('select cases by the keys each kind declares', () => {
    expect(resolve('conformance/mock#generate')).toBe('passed'); // every case of a capability
    expect(resolve('conformance/mock#generate/call')).toBe('passed'); // one case id
    expect(resolve('fixtures/generate#generate.invalid-signed-image-url')).toBe('passed');
    expect(resolve('evaluation/physics#object-stability')).toBe('passed');
    expect(resolve('evaluation/physics#collision-response')).toBe('failed'); // a known failure missed its thresholds
    expect(resolve('exchanges/runway#generate')).toBe('passed');
    expect(resolve('galleries/physics#evaluation:physics:collision-response')).toBe('passed');
    expect(resolve('scenes/artifacts#scenes.valid-tabletop')).toBe('passed');
  });

  it('do not guess across kinds: a key of one kind does not address another', () => {
    // Fixture cases are addressed by fixture id only, evaluation scenarios by scenario id only.
    expect(resolve('fixtures/generate#generate')).toMatch(/^missing: evidence\/fixtures\/generate\.json has no case 'generate'/);
    expect(resolve('exchanges/runway#runway.auth-failure')).toMatch(/^missing/);
    expect(resolve('conformance/mock#nope')).toMatch(/^missing: .* has no case 'nope'/);
  });

  it('resolve authored kinds with the resolver their kind builds', () => {
    expect(Object.keys(sources.records).sort()).toEqual(AUTHORED_KINDS.map((k) => k.id).sort());
    expect(resolve('design-records/genie')).toBe('recorded');
    expect(resolve('selection-records/cohort-1#genie')).toBe('recorded');
    expect(resolve('live-smoke/runway#generate')).toBe('skipped');
    expect(resolve('benchmark-baselines/mock-smoke')).toBe('recorded');
    expect(resolve('ghosts/mock-smoke')).toMatch(/^missing: unknown evidence kind 'ghosts' \(known: benchmarks, conformance, /);
  });

  it('treat a committed document of the wrong shape as having no cases (the schema rule reports it)', () => {
    const broken = new Map(sources.evidence);
    broken.set('conformance/mock.json', JSON.stringify({ status: 'passed', runtime_manifest: null, body: { cases: 'oops' } }));
    expect(resolveRef('conformance/mock#generate', { ...sources, evidence: broken }).found).toBe(false);
  });

  it('link each ref to the page its kind routes it to', () => {
    const url = (ref: string) => {
      const [path, fragment = null] = ref.split('#') as [string, string?];
      const [kind, subject] = path.split('/') as [string, string];
      return kindById(kind)?.route(subject, fragment) ?? null;
    };
    expect(url('conformance/mock#generate')).toBe('/providers/mock/#generate');
    expect(url('exchanges/runway')).toBe('/providers/runway/#failure-modes');
    expect(url('fixtures/generate')).toBe('/fixtures/generate/');
    expect(url('evaluation/physics#object-stability')).toBe('/evaluation/physics/#object-stability');
    expect(url('galleries/providers')).toBe('/galleries/providers/');
    expect(url('scenes/artifacts')).toBe('/scene-artifacts/');
    expect(url('design-records/genie')).toBe('/design-records/genie/');
    expect(url('selection-records/cohort-1#genie')).toBe('/selection/#cohort-1--genie');
    expect(url('selection-records/cohort-1')).toBe('/selection/#cohort-1');
    expect(url('live-smoke/runway#generate')).toBe('/live-smoke/#runway-generate');
  });
});

describe('subjects and envelopes', () => {
  it('every generated kind produces subjects under its folder, with one envelope convention', async () => {
    const subjects = await allSubjects();
    for (const kind of Object.values(EVIDENCE_KINDS)) {
      const mine = subjects.filter((s) => s.id.startsWith(`${kind.id}/`));
      expect(mine.length, kind.id).toBeGreaterThan(0);
      const [first] = mine;
      const doc = evidenceSchemaOf(kind.id).parse(await first!.build());
      expect(doc, first!.id).toMatchObject({
        schema: kind.schemaName,
        suite: kind.id,
        command: `npx worldforge evidence generate --only ${first!.id}`,
      });
    }
    expect(new Set(subjects.map((s) => s.id)).size).toBe(subjects.length);
  });

  it('puts the evaluation suite id in subject.preset', async () => {
    const physics = (await allSubjects()).find((s) => s.id === 'evaluation/physics')!;
    expect(((await physics.build()) as { subject: unknown }).subject).toEqual({
      provider: 'mock',
      capability: 'predict',
      preset: 'physics',
    });
  });
});

describe('a new kind', () => {
  let repo: RepoCopy | undefined;
  afterEach(() => repo?.remove());

  it('is picked up from its folder alone: registry index, evidence, JSON Schema, index, refs and the check', () => {
    repo = copyRepo();
    const dir = 'src/worldforge/kinds/probe';
    mkdirSync(join(repo.root, dir));
    const write = (path: string, text: string) => repo!.write(path, text);
    write(
      `${dir}/schema.ts`,
      `import { z } from 'zod';
import { evidenceDocumentSchema } from '../../evidence/envelope.ts';
import { caseStatusSchema } from '../../schema/primitives.ts';

export const PROBE_KIND = { id: 'probe', schemaName: 'worldforge.evidence.probe@1' } as const;
export const probeEvidenceSchema = () =>
  evidenceDocumentSchema(PROBE_KIND.schemaName, z.strictObject({ cases: z.array(z.strictObject({ id: z.string(), status: caseStatusSchema() })) }));
`,
    );
    write(
      `${dir}/suite.ts`,
      `import { buildEvidenceDocument } from '../../evidence/suite/document.ts';
import { sourceOf } from '../../evidence/suite/repo.ts';
import { PROBE_KIND } from './schema.ts';

export const subjects = () => [
  {
    name: 'only',
    build: async () =>
      buildEvidenceDocument(PROBE_KIND, {
        name: 'only',
        subject: {},
        suite_version: '1',
        inputs: [sourceOf(import.meta.url)],
        body: { cases: [{ id: 'a', status: 'passed' as const }] },
        status: 'passed',
        event_count: 0,
        claim_boundary: 'A probe kind for the registry test; it shows nothing.',
      }),
  },
];
`,
    );
    write(
      `${dir}/kind.ts`,
      `import { defineEvidenceKind } from '../define.ts';
import { PROBE_KIND, probeEvidenceSchema } from './schema.ts';

export const kind = defineEvidenceKind({
  ...PROBE_KIND,
  schema: probeEvidenceSchema,
  subjects: async () => (await import('./suite.ts')).subjects(),
  refCases: (doc) => doc.body.cases.map((c) => ({ keys: [c.id], status: c.status })),
  classes: ['checkout-tested'],
  route: () => null,
});
`,
    );
    repo.write(
      'content/claims/probe.yaml',
      'claims:\n  - id: probe-claim\n    statement: The probe kind backs a checkout-tested claim.\n    area: workflow\n    class: checkout-tested\n    evidence:\n      - probe/only#a\n    boundary: A registry test, nothing more.\n',
    );

    const generate = repo.cli('evidence');
    expect(generate.stderr).toContain('running probe/only');
    expect(generate.code, generate.stderr).toBe(0);
    expect(JSON.parse(repo.read('evidence/probe/only.json'))).toMatchObject({
      schema: 'worldforge.evidence.probe@1',
      suite: 'probe',
      status: 'passed',
    });
    expect(JSON.parse(repo.read('evidence/schemas/probe.schema.json')).title).toBe('worldforge.evidence.probe@1');
    expect(repo.read('evidence/index.json')).toContain('"probe/only.json"');
    // The registry index was regenerated from the folders: no hand-written registry line.
    expect(repo.read('src/worldforge/kinds/index.ts')).toContain("import { kind as probe } from './probe/kind.ts';");

    const check = repo.cli('check', '--no-dist', '--json');
    const findings = (JSON.parse(check.stdout) as { findings: { id: string; rule: string }[] }).findings;
    expect(findings.filter((f) => f.id === 'probe-claim' || f.id.startsWith('probe/'))).toEqual([]);
    expect(check.code).toBe(0);
  });
});
