/**
 * `worldforge eval run`: one evaluation suite against one provider, recorded as a run workspace.
 * The report is an evaluation evidence document built by the one envelope builder, so it carries
 * the same provenance (suite version, input digests, result digest, event count, boundary) as the
 * committed `evidence/evaluation/<suite>.json`; against mock it is that file, byte for byte.
 */
import type { Capability } from '../capabilities/index.ts';
import { canonicalJson } from '../digest.ts';
import { isWorldForgeError } from '../errors.ts';
import { runSuite } from '../evaluation/run.ts';
import { EVALUATION_SUITES } from '../evaluation/suites/index.ts';
import type { EvaluationSuite } from '../evaluation/types.ts';
import { EventRecorder } from '../events.ts';
import { buildEvidenceDocument } from '../evidence/suite/document.ts';
import { EVALUATION_KIND, type EvaluationEvidence } from '../kinds/evaluation/schema.ts';
import { CATALOG, createProvider, operationsOf } from '../providers/catalog.ts';
import { evaluationCsv, evaluationMarkdown, type ReportFormat } from './eval-report.ts';
import type { WorkspaceManifest } from './manifest.ts';
import { startRun } from './workspace.ts';

/** Module whose code builds evaluation evidence (listed as an input, as the evaluation suite does). */
const EVALUATION_SUITE_SOURCE = 'src/worldforge/kinds/evaluation/suite.ts';

export class EvalUsageError extends Error {}

export interface EvalRunOptions {
  suite: string;
  provider?: string;
  format?: ReportFormat;
  /** Project root holding `.worldforge/runs` (default: the working directory). */
  root?: string;
  /** Environment the provider reads (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface EvalRunOutcome {
  manifest: WorkspaceManifest;
  dir: string;
  /** Run-relative paths of the reports written. */
  reports: string[];
  document: EvaluationEvidence | null;
}

function suiteOf(id: string): EvaluationSuite {
  const suite = EVALUATION_SUITES.find((s) => s.id === id);
  if (!suite) throw new EvalUsageError(`unknown suite '${id}'; suites: ${EVALUATION_SUITES.map((s) => s.id).join(', ')}`);
  return suite;
}

/** The command a user retypes for this run. */
export const evalCommand = (suite: string, provider: string, format: ReportFormat) =>
  [
    'npx worldforge eval run --suite',
    suite,
    ...(provider === 'mock' ? [] : ['--provider', provider]),
    ...(format === 'json' ? [] : ['--format', format]),
  ].join(' ');

export async function runEvaluation(options: EvalRunOptions): Promise<EvalRunOutcome> {
  const suite = suiteOf(options.suite);
  const providerName = options.provider ?? 'mock';
  const entry = CATALOG[providerName];
  if (!entry) throw new EvalUsageError(`unknown provider '${providerName}'; providers: ${Object.keys(CATALOG).join(', ')}`);
  const format = options.format ?? 'json';
  const env = options.env ?? process.env;
  const envNames = entry.operations ? operationsOf(providerName).env.map((v) => v.name) : [];
  const probe = createProvider(providerName, { env });
  if (!probe.supports(suite.capability)) {
    throw new EvalUsageError(
      `${providerName} does not advertise ${suite.capability} (suite ${suite.id} needs it); it offers ${probe.profile.capabilities.join(', ') || 'nothing'}.`,
    );
  }
  const command = evalCommand(suite.id, providerName, format);
  const run = startRun({
    kind: 'eval',
    command,
    provider: providerName,
    capability: suite.capability as Capability,
    operation: suite.id,
    root: options.root,
    env: envNames,
    environment: env,
  });
  run.writeInput('suite.json', {
    suite: suite.id,
    version: suite.version,
    capability: suite.capability,
    source: suite.source,
    scenarios: suite.scenarios.map(({ run: _run, ...definition }) => definition),
  });
  const recorder = new EventRecorder();
  const expected_signal = `every scenario of ${suite.id} matches its expectation (pass, or a labelled known failure)`;
  let document: EvaluationEvidence;
  try {
    const body = await runSuite(suite, createProvider(providerName, { env, events: recorder.sink }));
    document = buildEvidenceDocument(EVALUATION_KIND, {
      name: suite.id,
      subject: { provider: providerName, capability: suite.capability, preset: suite.id },
      suite_version: suite.version,
      inputs: [suite.source, 'src/worldforge/evaluation/run.ts', EVALUATION_SUITE_SOURCE, ...entry.sources],
      body,
      status: body.scenarios.every((s) => s.matches_expectation) ? 'passed' : 'failed',
      event_count: recorder.count,
      runtime_manifest: entry.runtime?.id ?? null,
      claim_boundary: suite.claim_boundary,
    });
  } catch (error) {
    for (const event of recorder.events) run.appendEvent({ ...event });
    if (!isWorldForgeError(error)) {
      run.finish('failed', { expected_signal, observed_failure: `unexpected error: ${(error as Error).message}` });
      throw error;
    }
    const manifest = run.finish('failed', {
      message: `${error.code}: ${error.message}`,
      expected_signal,
      observed_failure: `${providerName} raised ${error.code}: ${error.message}`,
      recovery_command: entry.runtime
        ? `set ${envNames.join(' / ') || 'the provider variables'} on a prepared host, then ${command}`
        : command,
    });
    return { manifest, dir: run.dir, reports: [], document: null };
  }
  for (const event of recorder.events) run.appendEvent({ ...event });
  const reports = [run.writeReport('evaluation.json', canonicalJson(document))];
  if (format === 'md') reports.push(run.writeReport('evaluation.md', evaluationMarkdown(document)));
  if (format === 'csv') reports.push(run.writeReport('evaluation.csv', evaluationCsv(document)));
  run.writeResult('summary.json', { ...document.body.summary, status: document.status, result_digest: document.result_digest });
  const mismatched = document.body.scenarios.filter((s) => !s.matches_expectation).map((s) => s.scenario);
  const s = document.body.summary;
  const manifest = run.finish(document.status === 'passed' ? 'passed' : 'failed', {
    message: `${s.passed_count}/${s.scenario_count} scenarios passed, ${mismatched.length} differ from their expectation.`,
    expected_signal,
    ...(mismatched.length
      ? { observed_failure: `scenarios that differ from their expectation: ${mismatched.join(', ')}`, recovery_command: command }
      : {}),
    metrics: {
      scenario_count: s.scenario_count,
      passed_count: s.passed_count,
      known_failure_count: s.known_failure_count,
      average_score: s.average_score,
    },
  });
  return { manifest, dir: run.dir, reports, document };
}
