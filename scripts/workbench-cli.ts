/**
 * `worldforge workbench <provider|candidate-id> [--markdown] [--json] [--live]`: what a provider, a
 * scaffold or a selection-record candidate still needs for its next promotion status
 * (src/worldforge/workbench/). Read-only; `--live` additionally calls each advertised capability
 * with its first valid fixture, through the provider's configured runtime. Exit codes: 0 nothing
 * missing for the next status, 1 evidence missing (or a live call failed), 2 unknown subject.
 */
import { Command } from 'commander';
import { REPO_ROOT } from '../src/worldforge/evidence/suite/repo.ts';
import { decodeRequest } from '../src/worldforge/fixtures/schema.ts';
import { loadCorpus } from '../src/worldforge/fixtures/load.ts';
import { createProvider } from '../src/worldforge/providers/catalog.ts';
import { isWorldForgeError } from '../src/worldforge/errors.ts';
import { redactText } from '../src/worldforge/redaction.ts';
import { gatherFacts, UnknownSubjectError } from '../src/worldforge/workbench/facts.ts';
import { buildReport, type WorkbenchReport } from '../src/worldforge/workbench/flow.ts';
import { renderMarkdown, renderText } from '../src/worldforge/workbench/render.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface LiveResult {
  capability: string;
  status: 'passed' | 'failed';
  detail: string;
}

/** `--live`: each advertised capability called once with its first valid fixture. Only reached with the flag. */
export async function liveCalls(root: string, report: WorkbenchReport, advertised: readonly string[]): Promise<LiveResult[]> {
  if (report.source !== 'catalog') return [];
  const provider = createProvider(report.subject);
  const corpus = loadCorpus(root);
  const results: LiveResult[] = [];
  for (const capability of advertised) {
    const fixture = corpus.find((f) => f.capability === capability && f.expect.ok);
    if (!fixture) {
      results.push({ capability, status: 'failed', detail: 'no valid capability fixture to call with' });
      continue;
    }
    try {
      await provider.call(fixture.capability, decodeRequest(fixture.request));
      results.push({ capability, status: 'passed', detail: `${fixture.id}: schema-valid result` });
    } catch (error) {
      const code = isWorldForgeError(error) ? error.code : 'provider_error';
      results.push({
        capability,
        status: 'failed',
        detail: `${fixture.id}: ${code}: ${redactText(error instanceof Error ? error.message : String(error))}`,
      });
    }
  }
  return results;
}

export async function workbench(
  root: string,
  subject: string,
  options: { markdown?: boolean; json?: boolean; live?: boolean },
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let facts: ReturnType<typeof gatherFacts>;
  try {
    facts = gatherFacts(root, subject);
  } catch (error) {
    if (!(error instanceof UnknownSubjectError)) throw error;
    err(
      `worldforge workbench: ${error.message}\n  hint: npx worldforge scaffold provider ${subject} --capability <cap>, or add a candidate to a selection record\n`,
    );
    return EXIT.usage;
  }
  const report = buildReport(facts);
  const live = options.live ? await liveCalls(root, report, facts.advertised) : null;
  if (options.json) out(`${JSON.stringify({ ...report, live }, null, 2)}\n`);
  else out(options.markdown ? renderMarkdown(report) : renderText(report));
  if (!options.json) {
    if (live) for (const r of live) out(`${r.status === 'passed' ? '✓' : '✗'} live ${r.capability}: ${r.detail}\n`);
    else if (!options.markdown) out('Live calls skipped (pass --live to call the configured runtime).\n');
  }
  return report.missing.length || live?.some((r) => r.status === 'failed') ? EXIT.failed : EXIT.ok;
}

export function workbenchCommand(setExit: (code: number) => void): Command {
  return new Command('workbench')
    .argument('<subject>', 'a catalog provider, a scaffold or a selection-record candidate id')
    .description('Show the promotion evidence a provider, scaffold or candidate has and what is missing for its next status (read-only).')
    .option('--markdown', 'print a pull-request or issue body instead')
    .option('--json', 'print the report as JSON')
    .option('--live', 'also call each advertised capability through its configured runtime (network, credentials)')
    .action(async (subject: string, options) =>
      setExit(
        await workbench(
          REPO_ROOT,
          subject,
          options,
          (t) => process.stdout.write(t),
          (t) => process.stderr.write(t),
        ),
      ),
    );
}
