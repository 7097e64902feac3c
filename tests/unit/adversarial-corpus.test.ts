/**
 * Every shape of the adversarial corpus (tests/adversarial/secret-shapes.ts) × every input
 * channel a secret can enter through: committed evidence, claims, live-smoke entries, run
 * manifests, selection and design records, prose pages, the README and fixtures. The shapes are
 * planted into a copy of the repository, one per line, and the check runs in-process over the
 * copy (its own loadContext/runRules, so REPO_ROOT is the copy). Each shape must be caught at its
 * line in every channel, the pre-build check (`--no-dist`, the first step of `npm run build`)
 * must fail so nothing reaches dist/, and nothing the check prints may contain a secret.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as before from '../../scripts/bench/redaction-baseline.ts';
import { SECRET_SHAPES, type SecretShape } from '../adversarial/secret-shapes.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

/** How a channel's file is written: its path and a text with each shape on a known line. */
interface Channel {
  name: string;
  file: string;
  /** The file's text and the 1-based line each shape starts on. */
  render: (shapes: readonly SecretShape[]) => { text: string; lines: number[] };
  /** Text to append to (the README), instead of a new file. */
  appendTo?: string;
}

/** Builds a text line by line, remembering where each shape went. */
function lines(head: string[], each: (shape: SecretShape, i: number) => string[], tail: string[] = [], offset = 0) {
  return (shapes: readonly SecretShape[]) => {
    const out = [...head];
    const at: number[] = [];
    shapes.forEach((shape, i) => {
      const block = each(shape, i);
      at.push(offset + out.length + block.findIndex((l) => l.includes('\u0000')) + 1);
      out.push(...block.map((l) => l.replace('\u0000', '')));
    });
    return { text: `${[...out, ...tail].join('\n')}\n`, lines: at };
  };
}

/** A JSON document whose `notes` hold the shapes (as JSON strings, escaped like any JSON value). */
const jsonNotes = (fields: Record<string, unknown>) =>
  lines(
    ['{', ...Object.entries(fields).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`), '  "notes": ['],
    (shape, i) => [`\u0000    ${JSON.stringify(shape.text)}${i < SECRET_SHAPES.length - 1 ? ',' : ''}`],
    ['  ]', '}'],
  );

const markdown = (frontMatter: string[]) =>
  lines(['---', ...frontMatter, '---', '', '# Planted', ''], (shape) => [`\u0000- ${shape.text}`]);

const CHANNELS: Channel[] = [
  { name: 'evidence', file: 'evidence/galleries/adversarial.json', render: jsonNotes({ schema: 'worldforge.gallery@1' }) },
  {
    name: 'claims',
    file: 'content/claims/adversarial.yaml',
    render: lines(['# planted claims'], (shape, i) => [`- id: adversarial-${i}`, `\u0000  statement: ${JSON.stringify(shape.text)}`]),
  },
  {
    name: 'live-smoke entries',
    file: 'content/live-smoke/adversarial.json',
    render: jsonNotes({ provider: 'runway', capability: 'generate' }),
  },
  { name: 'run manifests', file: 'content/live-smoke/runs/adversarial.json', render: jsonNotes({ schema: 'worldforge.run-manifest@1' }) },
  { name: 'selection records', file: 'content/selection-records/adversarial.md', render: markdown(['id: adversarial', 'title: Planted']) },
  { name: 'design records', file: 'content/design-records/adversarial.md', render: markdown(['id: adversarial', 'title: Planted']) },
  { name: 'prose', file: 'src/content/docs/adversarial.md', render: markdown(['title: Planted']) },
  { name: 'README', file: 'README.md', appendTo: 'README.md', render: () => ({ text: '', lines: [] }) },
  { name: 'fixtures', file: 'fixtures/providers/runway/adversarial.json', render: jsonNotes({ description: 'planted' }) },
];

/** The rules that report leaks by file and line. */
const LEAK_RULES = new Set(['secret-scan', 'source-secret-scan']);

interface Finding {
  rule: string;
  level: string;
  file: string;
  line: number | null;
  found: string;
}

let repo: RepoCopy;
let findings: Finding[];
const planted = new Map<string, number[]>();

beforeAll(async () => {
  repo = copyRepo();
  cpSync(join(REPO, 'src/content'), join(repo.root, 'src/content'), { recursive: true });
  for (const channel of CHANNELS) {
    let rendered = channel.render(SECRET_SHAPES);
    if (channel.appendTo) {
      const before = repo.read(channel.appendTo);
      const offset = before.split('\n').length - 1;
      rendered = lines(['', '## Planted', ''], (shape) => [`\u0000- ${shape.text}`], [], offset)(SECRET_SHAPES);
      rendered = { text: before + rendered.text, lines: rendered.lines };
    }
    mkdirSync(dirname(join(repo.root, channel.file)), { recursive: true });
    writeFileSync(join(repo.root, channel.file), rendered.text);
    planted.set(channel.name, rendered.lines);
  }
  // The copy's own check modules: their REPO_ROOT is the copy.
  const check = await import(pathToFileURL(join(repo.root, 'scripts/check.ts')).href);
  findings = check.runRules(await check.loadContext({ scanDist: false }));
}, 300_000);

afterAll(() => repo?.remove());

describe('adversarial corpus: every secret shape × every input channel', () => {
  it(`holds at least 38 distinct shapes of ${new Set(SECRET_SHAPES.map((s) => s.family)).size} families, none of them in this repository verbatim`, () => {
    expect(SECRET_SHAPES.length).toBeGreaterThanOrEqual(38);
    expect(new Set(SECRET_SHAPES.map((s) => s.id)).size).toBe(SECRET_SHAPES.length);
    for (const shape of SECRET_SHAPES) expect(shape.text, shape.id).toContain(shape.secret);
  });

  it('catches every shape at its line in every channel (tried / caught table)', () => {
    const rows: string[] = [];
    const missed: string[] = [];
    for (const channel of CHANNELS) {
      const at = planted.get(channel.name) ?? [];
      const hitLines = new Set(
        findings.filter((f) => LEAK_RULES.has(f.rule) && f.file === channel.file && f.level === 'error').map((f) => f.line),
      );
      const caught = SECRET_SHAPES.filter((_shape, i) => hitLines.has(at[i] ?? -1));
      for (const shape of SECRET_SHAPES) if (!caught.includes(shape)) missed.push(`${channel.name}: ${shape.id}`);
      rows.push(`${channel.name.padEnd(20)} ${String(SECRET_SHAPES.length).padStart(5)} ${String(caught.length).padStart(6)}`);
    }
    console.log(
      [
        'channel              tried caught',
        ...rows,
        `${'total'.padEnd(20)} ${String(SECRET_SHAPES.length * CHANNELS.length).padStart(5)} ${String(SECRET_SHAPES.length * CHANNELS.length - missed.length).padStart(6)}`,
      ].join('\n'),
    );
    const old = SECRET_SHAPES.filter((shape) => before.findSecrets(shape.text).length > 0).length;
    console.log(`for comparison, the redaction module before issue 10 detects ${old} of ${SECRET_SHAPES.length} shapes`);
    expect(missed).toEqual([]);
  });

  it('fails the pre-build check, so `npm run build` stops before astro writes dist/', () => {
    expect(findings.some((f) => f.level === 'error' && LEAK_RULES.has(f.rule))).toBe(true);
  });

  it('never echoes a planted secret in a finding', () => {
    const printed = JSON.stringify(findings);
    for (const shape of SECRET_SHAPES) expect(printed.includes(shape.secret), shape.id).toBe(false);
  });

  it('the CLI report (`worldforge check --no-dist`) exits 1 and prints no planted secret', async () => {
    const run = await repo.cliAsync(['check', '--no-dist']);
    expect(run.code).toBe(1);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain('source-secret-scan');
    for (const shape of SECRET_SHAPES) expect(printed.includes(shape.secret), shape.id).toBe(false);
  }, 300_000);
});
