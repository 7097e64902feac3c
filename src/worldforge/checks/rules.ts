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
  'claim-schema',
  'claim-duplicate',
  'claim-ref-unknown',
  'claim-ref-failed',
  'claim-class-backing',
  'claim-coverage',
  'claim-non-claims',
  'claim-reference-unknown',
  'readme-claims-list',
  'known-gap-stale',
  'claim-smoke-stale',
  'selection-schema',
  'selection-active-limit',
  'selection-deferral',
  'selection-score-band',
  'selection-links',
  'design-record-schema',
  'design-record-links',
  'scene-fixture-failed',
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
  'claim-schema': {
    id: 'claim-schema',
    title: 'Claim rows and known gaps are well formed',
    why: 'Claims are data: each row has an id, a statement, an area, an evidence class, evidence refs and a boundary (what it does not prove). Deferred and unsupported rows also need a blocker or a first routing step. A malformed row cannot be checked, so it is an error.',
    fix: 'Fix the named field at the given file:line in content/claims/.',
  },
  'claim-duplicate': {
    id: 'claim-duplicate',
    title: 'Claim ids are unique',
    why: 'Prose cites claims by id (`:claim[id]`) and pages link to them; two rows with one id would make a reference ambiguous.',
    fix: 'Rename or merge one of the rows.',
  },
  'claim-ref-unknown': {
    id: 'claim-ref-unknown',
    title: 'Every evidence ref resolves',
    why: 'A claim that cites evidence which does not exist (a typo, a removed provider, a renamed case) is backed by nothing.',
    fix: 'Correct the ref (`<kind>/<subject>[#<case>]`), or run `npm run evidence` if the evidence should exist.',
  },
  'claim-ref-failed': {
    id: 'claim-ref-failed',
    title: 'Cited evidence passed',
    why: 'Citing failed or skipped evidence turns a failure into a public claim.',
    fix: 'Fix what makes the evidence fail, or change the claim (its class, its statement or its refs).',
  },
  'claim-class-backing': {
    id: 'claim-class-backing',
    title: 'The cited evidence can back the claim’s class',
    why: 'Evidence classes mean something: checkout-tested needs a checkout-safe suite, fixture-tested needs fixture evidence, prepared-host-smoke-tested needs a passed live-smoke entry, release-gated needs release evidence, deferred needs a record with a blocker and a revisit trigger. A checkout-tested claim citing only a deferred record proves nothing in a checkout.',
    fix: 'Cite evidence of a kind that backs the class, or change the class to what the evidence actually shows.',
  },
  'claim-coverage': {
    id: 'claim-coverage',
    title: 'Every advertised capability has a claim row',
    why: 'Advertising a capability is a public claim. Every capability a catalog provider advertises needs a capability or provider claim row backed by its passing conformance evidence.',
    fix: 'Add a claim row citing `conformance/<provider>#<capability>` in content/claims/capabilities.yaml, or stop advertising the capability.',
  },
  'claim-non-claims': {
    id: 'claim-non-claims',
    title: 'Non-claims are stated explicitly',
    why: 'WorldForge does not claim physical fidelity, robot safety certification, upstream SLAs or service-grade persistence. Stating these as unsupported rows keeps readers from inferring them.',
    fix: 'Restore the named row in content/claims/non-claims.yaml with area non-claim and class unsupported.',
  },
  'claim-reference-unknown': {
    id: 'claim-reference-unknown',
    title: 'Claim references in prose resolve',
    why: 'README.md and the docs cite claims as `:claim[id]`, which the site renders as links to the claim row. An unknown id is a sentence that claims something no row backs.',
    fix: 'Use an existing claim id (`npx worldforge claims list`) or add the claim row.',
  },
  'readme-claims-list': {
    id: 'readme-claims-list',
    title: 'README claims list cites claim rows',
    why: 'The README’s marked claims list holds its capability statements; each must cite the claim row that backs it, so the front page cannot say more than the evidence.',
    fix: 'Add `:claim[id]` to the statement, or remove the statement.',
  },
  'known-gap-stale': {
    id: 'known-gap-stale',
    title: 'Known gaps only shrink',
    why: 'content/claims/known-gaps.yaml lists findings the project accepts for now, each with a reason. Like browser-compat-data’s exception lists, it is a ratchet: an entry whose finding no longer occurs must be removed, so the list can only shrink.',
    fix: 'Delete the entry from content/claims/known-gaps.yaml.',
  },
  'claim-smoke-stale': {
    id: 'claim-smoke-stale',
    title: 'Prepared-host claims cite recent live smokes',
    why: 'A live smoke proves one call on one date. A prepared-host-smoke-tested claim whose smoke is older than the staleness window (90 days) may no longer hold: upstream APIs, models and artifact policies change. On pull requests this is a warning, so it never blocks unrelated work; release evidence should treat it as an error.',
    fix: 'Re-run the smoke on a prepared host and record it (`npx worldforge smoke record <run_manifest.json>`).',
  },
  'selection-schema': {
    id: 'selection-schema',
    title: 'Selection records are well formed',
    why: 'A cohort selection record is a decision others cite (claims reference `selection-records/<id>`). Every candidate carries the same facts — capability, upstream runtime, ownership, fixture strategy, smoke feasibility, licence risk — and a 0–2 score for every rubric criterion, so decisions can be compared. The total is computed from the scores, never typed, and the id equals the file name so citations stay stable.',
    fix: 'Fix the named field (`npx worldforge selection check <file>` prints the same problems with hints), or start from `npx worldforge selection new`.',
  },
  'selection-active-limit': {
    id: 'selection-active-limit',
    title: 'At most 3 active candidates per selection record',
    why: 'A cohort is a focus. With more than three active candidates none of them gets the fixtures, smoke runs and docs a promotion needs.',
    fix: 'Keep at most 3 candidates `active`; make the others `rfc`, or `deferred` with a blocker and a revisit trigger.',
  },
  'selection-deferral': {
    id: 'selection-deferral',
    title: 'Every deferral names a blocker and a revisit trigger',
    why: 'A deferral without a concrete blocker cannot be challenged, and one without a revisit trigger is never reopened. Placeholders such as TBD do not count.',
    fix: 'Add `blocker:` (what is missing now) and `revisit_trigger:` (the observable event that reopens it) to the deferred candidate.',
  },
  'selection-score-band': {
    id: 'selection-score-band',
    title: 'Decisions agree with the computed score band',
    why: 'The rubric bands (12–16 eligible, 8–11 RFC/design, below 8 defer) make decisions comparable across cohorts. A decision may depart from its band only with a written override reason; a stale override on an agreeing decision is an error too, so the next real disagreement shows.',
    fix: 'Change the decision to the band’s, re-check the scores, or add an `override_reason:` saying why.',
  },
  'selection-links': {
    id: 'selection-links',
    title: 'Selection records link the rubric and promotion rules, and their links resolve',
    why: 'A reader must be able to see what the scores mean and what a promotion requires. Links into /selection/, /design-records/, /providers/ and /reference/check-rules/ (and a candidate’s `design_record`) must point at a page and anchor the site renders.',
    fix: 'Link `/selection/rubric/` and `/selection/promotion-rules/` from the body, and correct any link or `design_record` the finding names.',
  },
  'design-record-schema': {
    id: 'design-record-schema',
    title: 'Design records are well formed',
    why: 'Design records (`design-records/<id>`) back claims about boundaries and deferred runtimes. Each needs its decision, date and what the host owns; a deferral needs a concrete blocker and revisit trigger; an artifact boundary must say which capability it maps to and whether that is deferred.',
    fix: 'Fix the named field of the design record; its id must equal the file name.',
  },
  'design-record-links': {
    id: 'design-record-links',
    title: 'Design record links and selection references resolve',
    why: 'A design record that points at a missing selection candidate or page sends readers (and claims) nowhere.',
    fix: 'Correct the `selection:` reference (`<record>#<candidate>`) or the link the finding names.',
  },
  'scene-fixture-failed': {
    id: 'scene-fixture-failed',
    title: 'Scene artifact fixtures are accepted or rejected as they expect',
    why: 'The scene fixtures pin the artifact boundary: each valid fixture must pass the validator and each invalid one must be refused with its expected error code. An accepted invalid fixture means the boundary leaks (a host path, a non-finite number); a rejected valid one means it refuses real artifacts.',
    fix: 'Fix the validator in src/worldforge/scene/ or correct the fixture, then run `npm run evidence`.',
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
export const ruleDocsPath = (rule: RuleId) => `/rules/${rule}/`;
