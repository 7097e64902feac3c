/**
 * The check-rule registry: one import per rule file, sorted by file name, and one array.
 * Keep this mechanical shape (it is meant to be generated): rule ids, docs, pages and the runner
 * all derive from `CHECK_RULES`, so adding a rule is its own file, its test and one line here.
 */
import claimClassBacking from './claim-class-backing.ts';
import claimCoverage from './claim-coverage.ts';
import claimDuplicate from './claim-duplicate.ts';
import claimNonClaims from './claim-non-claims.ts';
import claimRefFailed from './claim-ref-failed.ts';
import claimRefUnknown from './claim-ref-unknown.ts';
import claimReferenceUnknown from './claim-reference-unknown.ts';
import claimSchema from './claim-schema.ts';
import claimSmokeStale from './claim-smoke-stale.ts';
import conformanceFailed from './conformance-failed.ts';
import designRecordLinks from './design-record-links.ts';
import designRecordSchema from './design-record-schema.ts';
import evaluationMismatch from './evaluation-mismatch.ts';
import evidenceDrift from './evidence-drift.ts';
import evidenceIndex from './evidence-index.ts';
import evidenceMissing from './evidence-missing.ts';
import evidenceSchema from './evidence-schema.ts';
import evidenceStale from './evidence-stale.ts';
import evidenceUnexpected from './evidence-unexpected.ts';
import exchangeSchema from './exchange-schema.ts';
import fixtureFailed from './fixture-failed.ts';
import fixtureSchema from './fixture-schema.ts';
import knownGapStale from './known-gap-stale.ts';
import liveSmokeCoverage from './live-smoke-coverage.ts';
import liveSmokeSchema from './live-smoke-schema.ts';
import profileConformance from './profile-conformance.ts';
import readmeClaimsList from './readme-claims-list.ts';
import readmeProviderTable from './readme-provider-table.ts';
import runManifestUnsafe from './run-manifest-unsafe.ts';
import sceneFixtureFailed from './scene-fixture-failed.ts';
import secretScan from './secret-scan.ts';
import selectionActiveLimit from './selection-active-limit.ts';
import selectionDeferral from './selection-deferral.ts';
import selectionLinks from './selection-links.ts';
import selectionSchema from './selection-schema.ts';
import selectionScoreBand from './selection-score-band.ts';

export const CHECK_RULES = [
  claimClassBacking,
  claimCoverage,
  claimDuplicate,
  claimNonClaims,
  claimRefFailed,
  claimRefUnknown,
  claimReferenceUnknown,
  claimSchema,
  claimSmokeStale,
  conformanceFailed,
  designRecordLinks,
  designRecordSchema,
  evaluationMismatch,
  evidenceDrift,
  evidenceIndex,
  evidenceMissing,
  evidenceSchema,
  evidenceStale,
  evidenceUnexpected,
  exchangeSchema,
  fixtureFailed,
  fixtureSchema,
  knownGapStale,
  liveSmokeCoverage,
  liveSmokeSchema,
  profileConformance,
  readmeClaimsList,
  readmeProviderTable,
  runManifestUnsafe,
  sceneFixtureFailed,
  secretScan,
  selectionActiveLimit,
  selectionDeferral,
  selectionLinks,
  selectionSchema,
  selectionScoreBand,
] as const;
