/**
 * The rules `npm run check` enforces. Each rule's metadata lives here once: the check attaches it
 * to findings, and the site renders the rule reference page from it.
 */
export const RULE_IDS = [
  'evidence-schema',
  'evidence-drift',
  'evidence-missing',
  'evidence-unexpected',
  'evidence-index',
  'evidence-stale',
  'fixture-schema',
  'fixture-failed',
  'evaluation-mismatch',
  'conformance-failed',
  'profile-conformance',
  'readme-provider-table',
  'live-smoke-schema',
  'live-smoke-coverage',
  'run-manifest-unsafe',
  'secret-scan',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface RuleDoc {
  id: RuleId;
  title: string;
  /** Why the rule exists. */
  why: string;
  /** How to resolve a finding. */
  fix: string;
}

export const RULES: Record<RuleId, RuleDoc> = {
  'evidence-schema': {
    id: 'evidence-schema',
    title: 'Evidence files match their schema',
    why: 'Every file in evidence/ is parsed with the same zod schema the site uses. A file that breaks it cannot be rendered or trusted, and a result_digest that does not match the body means the file was edited by hand.',
    fix: 'Do not edit evidence/ by hand. Run `npm run evidence` to regenerate, then commit the result.',
  },
  'evidence-drift': {
    id: 'evidence-drift',
    title: 'Committed evidence equals a fresh regeneration',
    why: 'The check re-runs every suite in memory and compares byte for byte with the committed file, as api-extractor does with its API report. Any difference means the code, fixtures or inputs changed without the evidence being regenerated (or the evidence was edited).',
    fix: 'Run `npm run evidence`, review the diff, and commit the evidence in the same commit as the change that caused it.',
  },
  'evidence-missing': {
    id: 'evidence-missing',
    title: 'Every suite subject has committed evidence',
    why: 'A provider or suite that produces evidence in memory but has no committed file would leave the site and claims without a source.',
    fix: 'Run `npm run evidence` and commit the new file.',
  },
  'evidence-unexpected': {
    id: 'evidence-unexpected',
    title: 'No orphaned evidence files',
    why: 'A committed evidence file that no suite produces any more (a removed provider, a renamed subject) would keep backing pages and claims with stale results.',
    fix: 'Run `npm run evidence` (a full regeneration removes orphaned files) and commit the deletion.',
  },
  'evidence-index': {
    id: 'evidence-index',
    title: 'index.json digests match the files',
    why: 'evidence/index.json lists every evidence file with its sha256 so other tools can verify a copy of the evidence without re-running the suites.',
    fix: 'Run `npm run evidence` to rebuild the index.',
  },
  'evidence-stale': {
    id: 'evidence-stale',
    title: 'Evidence inputs are unchanged since generation',
    why: 'Each evidence file lists the files its result depends on (fixtures, provider and suite sources) with their sha256. Staleness is decided by content hash, never by git dates, which shallow CI clones get wrong. A changed input means the evidence describes code or data that no longer exists.',
    fix: 'Run `npm run evidence` and commit the regenerated evidence together with the changed input.',
  },
  'fixture-schema': {
    id: 'fixture-schema',
    title: 'Capability fixtures are well formed',
    why: 'The fixture corpus is shared by every suite. A fixture with a missing field, a non-JSON value, a wrong capability folder or an id that does not match its file name would silently test the wrong thing.',
    fix: 'Fix the named field of the fixture file (see fixtures/README.md for the format), then run `npm run evidence`.',
  },
  'fixture-failed': {
    id: 'fixture-failed',
    title: 'Every fixture behaves as it expects',
    why: 'A fixture states the outcome it expects (a schema-valid result meeting its constraints, or a typed error). When request validation or an advertising provider disagrees, either the contract regressed or the fixture is wrong.',
    fix: 'Read the observed text of the failing check; fix the provider or validation, or correct the fixture, then run `npm run evidence`.',
  },
  'evaluation-mismatch': {
    id: 'evaluation-mismatch',
    title: 'Evaluation scenarios meet their expectation',
    why: 'Each scenario expects to pass, or is a deliberately strict known failure. A scenario that fails unexpectedly is a regression; a known failure that starts passing means its label is stale. Either way the published galleries would mislead, so both are errors (a ratchet: the known-failure list can only shrink deliberately).',
    fix: 'Fix the regression, or update the scenario’s expectation in src/worldforge/evaluation/suites/<suite>.ts; then run `npm run evidence`.',
  },
  'conformance-failed': {
    id: 'conformance-failed',
    title: 'Conformance cases pass',
    why: 'A failed conformance case means a provider breaks the call contract: an advertised capability returns invalid data, or an unadvertised one does not fail closed.',
    fix: 'Fix the provider (or stop advertising the capability in its profile), then run `npm run evidence`.',
  },
  'profile-conformance': {
    id: 'profile-conformance',
    title: 'Profiles advertise only what committed conformance evidence backs',
    why: 'A capability is advertised only when it runs end to end. The profile in code and the committed conformance evidence must agree capability by capability, so a profile edit cannot slip through without new evidence.',
    fix: 'Run `npm run evidence` so the evidence reflects the profile; if a case then fails, fix the provider or stop advertising the capability.',
  },
  'readme-provider-table': {
    id: 'readme-provider-table',
    title: 'README provider table equals the profiles',
    why: 'The provider table in README.md is generated from the catalog profiles between marker comments, so the front page can never advertise a capability the code does not.',
    fix: 'Run `npm run evidence` (it rewrites the marked block) and commit README.md.',
  },
  'live-smoke-schema': {
    id: 'live-smoke-schema',
    title: 'Live-smoke entries are well formed and unique',
    why: 'content/live-smoke/ says which remote providers were smoked against their real upstream and how it went. An entry must validate (passed and failed need a run manifest, skips need a reason), live in <provider>-<capability>.json, and be the only one for its provider and capability, or the /live-smoke/ page would contradict itself.',
    fix: 'Fix the named field; for passed or failed runs, regenerate the entry with `npx worldforge smoke record <run_manifest.json>`.',
  },
  'live-smoke-coverage': {
    id: 'live-smoke-coverage',
    title: 'Every remote capability has a live-smoke entry',
    why: 'A provider that is not checkout-safe advertises capabilities that only a live run against its upstream can confirm. Each such (provider, capability) needs an entry, even if it only says why the smoke did not run, so the gap is visible instead of silent.',
    fix: 'Run the provider’s smoke command (e.g. `npx worldforge smoke runway --capability generate`) and `npx worldforge smoke record` its run manifest; a typed skip is a valid entry.',
  },
  'run-manifest-unsafe': {
    id: 'run-manifest-unsafe',
    title: 'Cited run manifests are intact and sanitized',
    why: 'A passed or failed live-smoke entry cites a run manifest by path and sha256. The manifest must exist, match its digest, describe the same provider, capability and status, and pass the redaction rules. Unsafe manifests are rejected, never rewritten: a rewrite would hide the bug that produced the leak.',
    fix: 'Re-run the smoke and `npx worldforge smoke record` the new manifest; never edit manifests by hand.',
  },
  'secret-scan': {
    id: 'secret-scan',
    title: 'No secrets, signed URLs or host paths in published files',
    why: 'Evidence, content, the README and the built site are public. The scan looks for signed URL query strings, credentials embedded in URLs, bearer tokens, API keys (known key formats and key=value assignments) and absolute paths from a developer machine (home and temp folders, drive letters, file URLs). Findings show only a masked preview.',
    fix: 'Remove the value at the named line. If it came from a provider, route the text through redactText() in the adapter and regenerate with `npm run evidence`.',
  },
};

/** Site path of a rule's documentation. */
export const ruleDocsPath = (rule: RuleId) => `/reference/check-rules/#${rule}`;
