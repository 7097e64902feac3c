/**
 * One error, one finding — an adversarial corpus. For every authored input kind, one row or file is
 * broken in a scratch copy of the repository; the check must report exactly one error, from that
 * input's schema rule, and nothing it would conclude from the row's absence (no "no such record",
 * "no claim row", coverage, README, drift or stale-digest cascades). The loader attacks (YAML syntax
 * errors, alias bombs, deep nesting, a byte-order mark, a directory named `*.md`, duplicate JSON
 * keys, symlinks) go through the same count, as do the backing rules (a refusal citing a
 * capability, a flipped record decision).
 */
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/worldforge/checks/finding.ts';
import { checkCopy, scratchCopy } from './check-copy.ts';

type Edit = (root: string) => void;

/** Replaces `from` (which must occur) in a file of the copy. */
const replace =
  (path: string, from: string | RegExp, to: string): Edit =>
  (root) => {
    const text = readFileSync(join(root, path), 'utf8');
    if (!(typeof from === 'string' ? text.includes(from) : from.test(text))) throw new Error(`${path} does not contain ${from}`);
    writeFileSync(join(root, path), text.replace(from, to));
  };
const write =
  (path: string, text: string): Edit =>
  (root) =>
    writeFileSync(join(root, path), text);
const prepend =
  (path: string, prefix: string): Edit =>
  (root) =>
    writeFileSync(join(root, path), prefix + readFileSync(join(root, path), 'utf8'));

const BOMB = `claims:\n  - &a [x, x, x, x, x, x, x, x, x]\n  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  - [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
const DEEP_FLOW = `claims: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
const DEEP_BLOCK = `claims:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 2)}- `).join('\n')}x\n`;

interface Case {
  name: string;
  edit: Edit;
  rule: string;
  /** The error's file. */
  file: string;
  /** Something the finding must say. */
  says?: RegExp;
}

const CASES: Case[] = [
  // one broken row (or file) per authored input kind
  {
    name: 'claim row',
    edit: replace('content/claims/capabilities.yaml', 'class: checkout-tested', 'class: checkout-testd'),
    rule: 'claim-schema',
    file: 'content/claims/capabilities.yaml',
  },
  {
    name: 'claim row without id',
    edit: replace('content/claims/capabilities.yaml', '  - id: mock-generate\n', '  - idd: mock-generate\n'),
    rule: 'claim-schema',
    file: 'content/claims/capabilities.yaml',
  },
  {
    name: 'known gap',
    edit: replace('content/claims/known-gaps.yaml', '  - rule: claim-ref-failed', '  - rul: claim-ref-failed'),
    rule: 'claim-schema',
    file: 'content/claims/known-gaps.yaml',
  },
  {
    name: 'selection record',
    edit: replace('content/selection-records/cohort-1.md', 'runtime_ownership: prepared-host', 'runtime_ownership: prepared-hostx'),
    rule: 'selection-schema',
    file: 'content/selection-records/cohort-1.md',
  },
  {
    name: 'design record',
    edit: replace('content/design-records/genie.md', 'kind: provider-runtime', 'kind: provider-runtimex'),
    rule: 'design-record-schema',
    file: 'content/design-records/genie.md',
  },
  {
    name: 'live-smoke entry',
    edit: replace('content/live-smoke/cosmos-generate.json', '"status": "skipped_missing_runtime"', '"status": "skippedx"'),
    rule: 'live-smoke-schema',
    file: 'content/live-smoke/cosmos-generate.json',
  },
  {
    name: 'capability fixture',
    edit: replace('fixtures/capabilities/generate/valid-text-prompt.json', '"description"', '"descriptionx"'),
    rule: 'fixture-schema',
    file: 'fixtures/capabilities/generate/valid-text-prompt.json',
  },
  {
    name: 'scene fixture',
    edit: replace('fixtures/scenes/invalid-bbox-inverted.json', '"description"', '"descriptionx"'),
    rule: 'fixture-schema',
    file: 'fixtures/scenes/invalid-bbox-inverted.json',
  },
  {
    name: 'recorded exchange',
    edit: replace('fixtures/providers/cosmos/auth-failure.json', '"description"', '"descriptionx"'),
    rule: 'exchange-schema',
    file: 'fixtures/providers/cosmos/auth-failure.json',
  },
  {
    name: 'evidence file',
    edit: replace('evidence/conformance/cosmos.json', '"advertised": true', '"advertised": 1'),
    rule: 'evidence-schema',
    file: 'evidence/conformance/cosmos.json',
  },
  {
    name: 'evidence file that is not JSON',
    edit: replace('evidence/conformance/cosmos.json', /\}\n$/, ''),
    rule: 'evidence-schema',
    file: 'evidence/conformance/cosmos.json',
    says: /line \d+, column \d+/,
  },
  // loaders
  {
    name: 'YAML syntax error',
    edit: replace('content/claims/workflow.yaml', 'statement: Evidence is canonical JSON', 'statement: "Evidence is canonical JSON'),
    rule: 'claim-schema',
    file: 'content/claims/workflow.yaml',
    says: /^YAML syntax: .*\(line \d+, column \d+\)/,
  },
  {
    name: 'YAML alias bomb',
    edit: write('content/claims/workflow.yaml', BOMB),
    rule: 'claim-schema',
    file: 'content/claims/workflow.yaml',
    says: /aliases expand too far/,
  },
  {
    name: '1000-deep flow nesting',
    edit: write('content/claims/workflow.yaml', DEEP_FLOW),
    rule: 'claim-schema',
    file: 'content/claims/workflow.yaml',
    says: /nested deeper than 64 levels/,
  },
  {
    name: '1000-deep block nesting',
    edit: write('content/claims/workflow.yaml', DEEP_BLOCK),
    rule: 'claim-schema',
    file: 'content/claims/workflow.yaml',
    says: /nested too deeply/,
  },
  {
    name: 'BOM-prefixed claims file',
    edit: prepend('content/claims/providers.yaml', '\uFEFF'),
    rule: 'claim-schema',
    file: 'content/claims/providers.yaml',
    says: /byte-order mark/,
  },
  {
    name: 'BOM-prefixed selection record',
    edit: prepend('content/selection-records/cohort-1.md', '\uFEFF'),
    rule: 'selection-schema',
    file: 'content/selection-records/cohort-1.md',
    says: /byte-order mark/,
  },
  {
    name: 'BOM-prefixed design record',
    edit: prepend('content/design-records/genie.md', '\uFEFF'),
    rule: 'design-record-schema',
    file: 'content/design-records/genie.md',
    says: /byte-order mark/,
  },
  {
    name: 'directory named *.md',
    edit: (root) => mkdirSync(join(root, 'content/design-records/extra.md')),
    rule: 'design-record-schema',
    file: 'content/design-records/extra.md',
    says: /is a directory/,
  },
  {
    name: 'duplicate key in a fixture',
    edit: replace('fixtures/capabilities/generate/valid-text-prompt.json', '"description"', '"origin": "synthetic",\n  "description"'),
    rule: 'fixture-schema',
    file: 'fixtures/capabilities/generate/valid-text-prompt.json',
    says: /duplicate key 'origin'/,
  },
  {
    name: 'duplicate key in an exchange',
    edit: replace('fixtures/providers/cosmos/auth-failure.json', '"description"', '"origin": "synthetic",\n  "description"'),
    rule: 'exchange-schema',
    file: 'fixtures/providers/cosmos/auth-failure.json',
    says: /duplicate key 'origin'/,
  },
  {
    name: 'duplicate key in evidence',
    edit: replace('evidence/conformance/genie.json', '"body": {', '"body": {\n    "provider": "mock",'),
    rule: 'evidence-schema',
    file: 'evidence/conformance/genie.json',
    says: /duplicate key 'provider'/,
  },
  // refs stay inside the repository
  {
    // The provider's capability is then covered by no claim: a consequence of this ref, not a second error.
    name: 'ref to a case that does not exist',
    edit: replace('content/claims/capabilities.yaml', '      - conformance/runway#generate', '      - conformance/runway#no-such-case'),
    rule: 'claim-ref-unknown',
    file: 'content/claims/capabilities.yaml',
    says: /no case 'no-such-case'/,
  },
  {
    name: 'ref with a traversal fragment',
    edit: replace('content/claims/workflow.yaml', '      - live-smoke/cosmos#generate', '      - live-smoke/cosmos#/../../../etc/passwd'),
    rule: 'claim-schema',
    file: 'content/claims/workflow.yaml',
    says: /stay inside the repository/,
  },
  {
    name: 'symlink in evidence/',
    edit: (root) => symlinkSync('/etc/hostname', join(root, 'evidence/conformance/leak.json')),
    rule: 'symlink-refused',
    file: 'evidence/conformance/leak.json',
    says: /symlink/,
  },
  {
    name: 'symlinked evidence file replacing a real one',
    edit: (root) => {
      const path = join(root, 'evidence/conformance/genie.json');
      renameSync(path, join(root, 'genie-outside.json'));
      symlinkSync(join(root, 'genie-outside.json'), path);
    },
    rule: 'symlink-refused',
    file: 'evidence/conformance/genie.json',
  },
  // backing means what the claim says
  {
    name: 'capability claim backed by a fail-closed case',
    edit: replace(
      'content/claims/providers.yaml',
      '      - conformance/genie\n    boundary: Holds the name only',
      '      - conformance/genie#generate\n    boundary: Holds the name only',
    ),
    rule: 'claim-ref-refusal',
    file: 'content/claims/providers.yaml',
  },
  {
    name: 'design record decision flipped',
    edit: replace('content/design-records/genie.md', 'decision: deferred', 'decision: accepted'),
    rule: 'claim-decision-mismatch',
    file: 'content/claims/providers.yaml',
    says: /design-records\/genie decides accepted/,
  },
];

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

const errors = (findings: readonly Finding[]) => findings.filter((f) => f.level === 'error');
const line = (f: Finding) => `${f.rule} ${f.file}:${f.line ?? '-'} [${f.id}] ${f.found.slice(0, 120)}`;

describe('one error, one finding', () => {
  it('the unbroken copy has no error (the baseline the cases count against)', async () => {
    const copy = scratchCopy();
    dispose = copy.dispose;
    expect(errors(await checkCopy(copy.root)).map(line)).toEqual([]);
  });

  it.each(CASES)('$name → exactly one $rule error', async ({ edit, rule, file, says }) => {
    const copy = scratchCopy();
    dispose = copy.dispose;
    edit(copy.root);
    const found = errors(await checkCopy(copy.root));
    expect(found.map(line), found.map(line).join('\n')).toHaveLength(1);
    expect(found[0]!.rule).toBe(rule);
    expect(found[0]!.file).toBe(file);
    if (says) expect(found[0]!.found).toMatch(says);
  });
});
