/**
 * The one envelope builder. Every suite hands over what only it knows (subject, inputs, body,
 * status, boundary…); the fields that must be consistent across kinds — `schema`, `suite`,
 * `command`, `worldforge_version`, `result_digest`, sorted input digests — are filled here, so no
 * suite can drift from the others.
 *
 * Convention: `suite` is the kind id (the folder under evidence/) for every kind; what a suite runs
 * within its kind (an evaluation suite id, say) goes into `subject.preset`.
 */
import type { z } from 'zod';
import { canonicalJson, sha256Tag } from '../../digest.ts';
import type { DocumentKind } from '../../kinds/define.ts';
import type { CaseStatus, EvidenceStatus, SkipReason } from '../../schema/primitives.ts';
import type { EvidenceEnvelope, evidenceSubjectSchema } from '../envelope.ts';
import { evidenceFile } from '../evidence-index.ts';
import { inputDigests, WORLDFORGE_VERSION } from './repo.ts';

export interface DocumentFields<Body> {
  /** File name under `evidence/<kind>/`, without `.json` (the subject id is `<kind>/<name>`). */
  name: string;
  /** What the evidence is about. */
  subject: z.input<ReturnType<typeof evidenceSubjectSchema>>;
  /** Version of the suite; bump it when its semantics change. */
  suite_version: string;
  /** Repository-relative files the result depends on (sorted and de-duplicated here). */
  inputs: Iterable<string>;
  body: Body;
  status: EvidenceStatus;
  /** Typed reason when `status` is `skipped`; defaults to null. */
  skip_reason?: SkipReason | null;
  /** Provider events observed while producing the result. */
  event_count: number;
  /** Runtime manifest id for evidence that is not checkout-safe; defaults to null. */
  runtime_manifest?: string | null;
  /** Budget file the evidence was checked against; defaults to null. */
  budget?: string | null;
  /** What this evidence does NOT show. */
  claim_boundary: string;
}

/** An envelope around `body`, with the kind's schema name as its literal `schema`. */
export type BuiltDocument<K extends DocumentKind, Body> = Omit<EvidenceEnvelope, 'schema'> & { schema: K['schemaName']; body: Body };

/** `passed` when there is at least one case and every case passed, else `failed`: an empty suite proves nothing. */
export const statusOfCases = (cases: readonly { status: CaseStatus }[]): CaseStatus =>
  cases.length > 0 && cases.every((c) => c.status === 'passed') ? 'passed' : 'failed';

/** Repository path of one evidence file, `evidence/<kind>/<name>.json`. */
export const evidenceFilePath = (kind: DocumentKind, name: string) => evidenceFile(`${kind.id}/${name}.json`);

/** The command that regenerates exactly one evidence file. */
export const regenerateCommand = (kind: DocumentKind, name: string) => `npx worldforge evidence generate --only ${kind.id}/${name}`;

export function buildEvidenceDocument<K extends DocumentKind, Body>(kind: K, fields: DocumentFields<Body>): BuiltDocument<K, Body> {
  return {
    schema: kind.schemaName,
    suite: kind.id,
    suite_version: fields.suite_version,
    subject: fields.subject,
    command: regenerateCommand(kind, fields.name),
    worldforge_version: WORLDFORGE_VERSION,
    inputs: inputDigests(fields.inputs),
    result_digest: sha256Tag(canonicalJson(fields.body)),
    event_count: fields.event_count,
    runtime_manifest: fields.runtime_manifest ?? null,
    budget: fields.budget ?? null,
    claim_boundary: fields.claim_boundary,
    status: fields.status,
    skip_reason: fields.skip_reason ?? null,
    body: fields.body,
  };
}
