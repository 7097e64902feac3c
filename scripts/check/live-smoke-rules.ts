/**
 * Rules for the live-smoke registry (content/live-smoke/): entries validate and are unique, every
 * advertised (provider, capability) that is not checkout-safe has one, and passed/failed entries
 * cite a sanitized run manifest whose digest matches and which passes the redaction rules.
 */
import { readFileSync } from 'node:fs';
import { sha256Tag } from '../../src/worldforge/digest.ts';
import {
  LIVE_SMOKE_DIR,
  LIVE_SMOKE_RUNS_DIR,
  liveSmokeEntrySchema,
  liveSmokeFileName,
  needsRunManifest,
  type LiveSmokeEntry,
} from '../../src/worldforge/live-smoke.ts';
import { runManifestSchema } from '../../src/worldforge/manifests.ts';
import { zodIssues } from '../../src/worldforge/validation.ts';
import { finding, type CheckContext, type Rule } from './context.ts';

const isEntryFile = (path: string) =>
  path.startsWith(`${LIVE_SMOKE_DIR}/`) && !path.startsWith(`${LIVE_SMOKE_RUNS_DIR}/`) && path.endsWith('.json');

/** Entries that parse, keyed by file; problems are reported by live-smoke-schema. */
export function liveSmokeEntries(context: CheckContext): { file: string; entry: LiveSmokeEntry }[] {
  return [...context.content]
    .filter(([path]) => isEntryFile(path))
    .flatMap(([file, text]) => {
      try {
        const parsed = liveSmokeEntrySchema().safeParse(JSON.parse(text));
        return parsed.success ? [{ file, entry: parsed.data }] : [];
      } catch {
        return [];
      }
    });
}

export const liveSmokeSchemaRule: Rule = {
  id: 'live-smoke-schema',
  check: (context) => {
    const findings = [];
    const seen = new Map<string, string>();
    for (const [file, text] of context.content) {
      if (!isEntryFile(file)) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        findings.push(
          finding('live-smoke-schema', {
            file,
            id: file,
            expected: 'a JSON live-smoke entry',
            found: `not JSON (${(error as Error).message.split('\n')[0]})`,
          }),
        );
        continue;
      }
      const parsed = liveSmokeEntrySchema().safeParse(raw);
      if (!parsed.success) {
        for (const issue of zodIssues(parsed.error, raw)) {
          findings.push(
            finding('live-smoke-schema', {
              file,
              id: `${file} → ${issue.path}`,
              expected: 'a valid live-smoke entry',
              found: issue.message,
            }),
          );
        }
        continue;
      }
      const { provider, capability } = parsed.data;
      const wanted = `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability)}`;
      if (file !== wanted) {
        findings.push(
          finding('live-smoke-schema', { file, id: `${provider}#${capability}`, expected: `the entry to live in ${wanted}`, found: file }),
        );
      }
      const key = `${provider}#${capability}`;
      const other = seen.get(key);
      if (other)
        findings.push(
          finding('live-smoke-schema', { file, id: key, expected: '(provider, capability) to be unique', found: `also in ${other}` }),
        );
      seen.set(key, file);
    }
    return findings;
  },
};

export const liveSmokeCoverageRule: Rule = {
  id: 'live-smoke-coverage',
  check: (context) => {
    const entries = liveSmokeEntries(context);
    const have = new Set(entries.map(({ entry }) => `${entry.provider}#${entry.capability}`));
    const missing = context.profiles
      .filter((p) => p.runtime_ownership !== 'checkout-safe')
      .flatMap((p) => p.capabilities.map((capability) => ({ provider: p.name, capability })))
      .filter(({ provider, capability }) => !have.has(`${provider}#${capability}`))
      .map(({ provider, capability }) =>
        finding('live-smoke-coverage', {
          file: `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability)}`,
          id: `${provider}#${capability}`,
          expected: `a live-smoke entry: ${provider} advertises ${capability} and is not checkout-safe`,
          found: 'no entry',
        }),
      );
    const unknown = entries
      .filter(({ entry }) => !context.profiles.some((p) => p.name === entry.provider && p.capabilities.includes(entry.capability)))
      .map(({ file, entry }) =>
        finding('live-smoke-coverage', {
          file,
          id: `${entry.provider}#${entry.capability}`,
          expected: 'an entry for a capability the provider advertises',
          found: 'the catalog does not advertise it',
          fix: 'Delete the entry, or advertise the capability (with passing conformance evidence).',
        }),
      );
    return [...missing, ...unknown];
  },
};

function manifestFindings(file: string, text: string, id: string): ReturnType<typeof finding>[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [finding('run-manifest-unsafe', { file, id, expected: 'a JSON run manifest', found: 'not JSON' })];
  }
  const parsed = runManifestSchema().safeParse(raw);
  if (parsed.success) return [];
  return zodIssues(parsed.error, raw).map((issue) =>
    finding('run-manifest-unsafe', {
      file,
      id: `${id} → ${issue.path}`,
      expected: 'a valid, sanitized run manifest',
      found: issue.message,
    }),
  );
}

export const runManifestRule: Rule = {
  id: 'run-manifest-unsafe',
  check: (context) => {
    const findings = [...context.content]
      .filter(([path]) => path.startsWith(`${LIVE_SMOKE_RUNS_DIR}/`) && path.endsWith('.json'))
      .flatMap(([file, text]) => manifestFindings(file, text, file));
    for (const { file, entry } of liveSmokeEntries(context)) {
      if (!needsRunManifest(entry.status) || !entry.artifact_path) continue;
      const id = `${entry.provider}#${entry.capability}`;
      const text = context.content.get(entry.artifact_path);
      if (text === undefined) {
        findings.push(
          finding('run-manifest-unsafe', { file, id, expected: `the run manifest ${entry.artifact_path}`, found: 'file missing' }),
        );
        continue;
      }
      const digest = sha256Tag(readFileSync(context.repoFile(entry.artifact_path)));
      if (digest !== entry.artifact_sha256) {
        findings.push(
          finding('run-manifest-unsafe', {
            file,
            id,
            expected: `${entry.artifact_path} to digest to ${entry.artifact_sha256}`,
            found: digest,
          }),
        );
      }
      const manifest = runManifestSchema().safeParse(JSON.parse(text));
      if (
        manifest.success &&
        (manifest.data.provider !== entry.provider ||
          manifest.data.capability !== entry.capability ||
          manifest.data.status !== entry.status)
      ) {
        findings.push(
          finding('run-manifest-unsafe', {
            file,
            id,
            expected: `a ${entry.status} run of ${entry.provider}/${entry.capability}`,
            found: `${entry.artifact_path} is a ${manifest.data.status} run of ${manifest.data.provider}/${manifest.data.capability}`,
          }),
        );
      }
    }
    return findings;
  },
};
