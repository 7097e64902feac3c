/**
 * Issue bundles (`worldforge runs bundle <id>`): one finished run, ready to attach to a provider
 * issue. The sanitized manifest, events, inputs, results and reports are copied when the gate lets
 * them through; artifacts and unsafe files are listed, never copied. `bundle.json` lists every file
 * with digest, size and verdict; `issue.md` is the issue body; `statement.intoto.jsonl` is an in-toto
 * statement over the copied files. Nothing depends on when the bundle was made, so bundling the same
 * run twice gives byte-identical folders.
 */
import { canonicalJson } from '../digest.ts';
import type { LoadedRun } from '../runs/history.ts';
import { BundleError, bundleRun, fileCounts, gatedRunFiles, writeBundleFolder } from './collect.ts';
import { buildStatement, PREDICATE_TYPES, STATEMENT_FILE, statementLine } from './intoto.ts';
import { ISSUE_BUNDLE_SCHEMA, type BundleFile, type BundleRun, type IssueBundle, issueBundleSchema } from './schema.ts';

export { BundleError };

/** The first thing a maintainer should do with a bundle of a run with this outcome. */
export function firstTriageStep(run: BundleRun): string {
  switch (run.status) {
    case 'failed':
      return `Compare "Observed failure" with "Expected signal", then reproduce with \`npx worldforge runs rerun ${run.run_id} --exec\` on the same provider setup.`;
    case 'skipped':
      return `Nothing was called: provide the prerequisite the skip reason names (${run.env.map((e) => e.name).join(', ') || 'see the skip reason'}), then rerun \`${run.command}\`.`;
    case 'cancelled':
      return `The run was interrupted before it finished; rerun it (\`npx worldforge runs rerun ${run.run_id} --exec\`) and bundle the finished run.`;
    default:
      return `Nothing failed: cite this bundle as provenance of a passing run (command, digests in bundle.json).`;
  }
}

const list = (items: readonly string[], empty: string) => (items.length ? items.map((i) => `- ${i}`) : [`- ${empty}`]);

export function issueMarkdown(bundle: Omit<IssueBundle, 'schema'>): string {
  const { run, files } = bundle;
  const included = files.filter((f) => f.included);
  const excluded = files.filter((f) => !f.included);
  const failure =
    run.status === 'failed'
      ? [run.observed_failure ?? 'failed without a recorded observation', ...run.validation_errors.map((e) => `validation: ${e}`)]
      : [`none: the run ${run.status}${run.skip_reason ? ` (${run.skip_reason})` : ''}`];
  return [
    `# ${run.kind} run ${run.run_id}: ${run.status}`,
    '',
    '## Command',
    '',
    '```sh',
    run.command,
    '```',
    '',
    `Environment (names and presence only): ${run.env.map((e) => `${e.name} ${e.present ? 'set' : 'not set'}`).join(', ') || 'none read'}.`,
    '',
    '## Expected signal',
    '',
    run.expected_signal ?? 'Not recorded by this command.',
    '',
    '## Observed failure',
    '',
    ...list(failure, 'none'),
    '',
    '## Artifacts',
    '',
    ...list(
      included.map((f) => `\`${f.path}\` (${f.kind}, ${f.size_bytes} bytes, ${f.sha256})`),
      'no file was copied',
    ),
    '',
    '## Safe-to-attach notes',
    '',
    `Every copied file passed WorldForge's secret scan (tokens, keys, signed URLs, host paths) and value scan. ${bundle.safe_to_attach ? 'Nothing unsafe was found.' : 'Some files held unsafe content and were NOT copied; fix the run that wrote them before sharing more.'}`,
    '',
    ...list(
      excluded.map((f) => `\`${f.source}\` excluded${f.local_only ? ' (local-only)' : ' (UNSAFE)'}: ${f.reason}`),
      'no file was excluded',
    ),
    '',
    '## First triage step',
    '',
    bundle.first_triage_step,
    '',
    `Verify this bundle offline: \`npx worldforge release verify <bundle-folder>\`.`,
    '',
  ].join('\n');
}

/** Builds and writes the issue bundle of a finished run into `out`; returns its bundle.json. */
export function writeIssueBundle(run: LoadedRun, out: string): IssueBundle {
  const described = bundleRun(run);
  const { entries, copies } = gatedRunFiles(run, 'run');
  const files: BundleFile[] = [...entries].sort((a, b) => a.path.localeCompare(b.path));
  const body = {
    bundle_kind: 'issue-run' as const,
    run: described,
    issue_template: 'issue.md' as const,
    first_triage_step: firstTriageStep(described),
    statement: STATEMENT_FILE,
    ...fileCounts(files),
    files,
  };
  const bundle = issueBundleSchema().parse({ schema: ISSUE_BUNDLE_SCHEMA, ...body });
  const written = new Map<string, string | Uint8Array>(copies);
  written.set('bundle.json', canonicalJson(bundle));
  written.set('issue.md', issueMarkdown(bundle));
  const statement = buildStatement(written, PREDICATE_TYPES.issueBundle, {
    subject_base: 'bundle',
    run_id: described.run_id,
    status: described.status,
    command: described.command,
    bundle_schema: ISSUE_BUNDLE_SCHEMA,
  });
  written.set(STATEMENT_FILE, statementLine(statement));
  if (bundle.files.some((f) => f.included && !f.safe_to_attach)) throw new BundleError('internal: an unsafe file was about to be copied');
  writeBundleFolder(out, written);
  return bundle;
}
