/**
 * GitHub Actions workflow commands for check findings: one `::error` or `::warning` line per
 * finding, with `file`, `line` and `title=<rule>`, so each finding shows inline on the pull
 * request's diff. Escaping follows GitHub's workflow-command format (as @actions/core does it):
 * in the message `%`, CR and LF are percent-encoded; in properties `:` and `,` are too. A finding's
 * text (already redacted) therefore cannot end its line early and forge a second command.
 */
import type { Finding } from '../../src/worldforge/checks/finding.ts';
import { siteLink } from '../../src/worldforge/site/site-url.ts';
import { errorsFirst } from './report.ts';

/** True when running as a GitHub Actions step (the runner sets `GITHUB_ACTIONS=true`). */
export const inGithubActions = (env: Readonly<Record<string, string | undefined>> = process.env) => env.GITHUB_ACTIONS === 'true';

/** Escapes a workflow command's message. */
export const escapeData = (text: string) => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');

/** Escapes a workflow command's property value. */
export const escapeProperty = (text: string) => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');

/** The workflow command of one finding. */
export function annotation(f: Finding, site: string | null = null): string {
  const properties = [`file=${escapeProperty(f.file)}`, ...(f.line ? [`line=${f.line}`] : []), `title=${escapeProperty(f.rule)}`];
  const message = `[${f.id}] ${f.found} (expected: ${f.expected})\nfix: ${f.fix}\nrule: ${siteLink(f.docs, site)}`;
  return `::${f.level === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}`;
}

/** One workflow command per finding, errors first, each on its own line. */
export function annotations(findings: readonly Finding[], site: string | null = null): string {
  return errorsFirst(findings)
    .map((f) => `${annotation(f, site)}\n`)
    .join('');
}
