/**
 * Test data for the live-smoke rules: a valid run manifest and the entry `smoke record` makes of
 * it, as content files, so each rule test changes only the fact it is about.
 */
import { canonicalJson, sha256Tag } from '../digest.ts';
import type { LiveSmokeEntry } from '../live-smoke.ts';
import { RUN_MANIFEST_SCHEMA, type RunManifest } from '../manifests.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

/** A passed runway generate run manifest (override any field). */
export function passedManifest(patch: Partial<RunManifest> = {}): RunManifest {
  return {
    schema: RUN_MANIFEST_SCHEMA,
    run_id: '20261120T101500Z-0123abcd',
    created_at: '2026-11-20T10:15:00Z',
    worldforge_version: '0.1.0',
    command: 'npx worldforge smoke runway --capability generate',
    provider: 'runway',
    capability: 'generate',
    status: 'passed',
    endpoint: 'public',
    runtime_manifest: 'runway:schema-1',
    input_digest: DIGEST,
    result_digest: DIGEST,
    event_count: 1,
    artifacts: [{ label: 'output', path: 'artifacts/generate.mp4', sha256: DIGEST, byte_length: 10, content_type: 'video/mp4' }],
    env_summary: [{ name: 'RUNWAYML_API_SECRET', present: true }],
    error_code: null,
    skip_reason: null,
    message: 'runway generate returned a schema-valid video/mp4 clip of 10 bytes.',
    ...patch,
  };
}

/** The entry citing `manifest` (override any field), as `smoke record` writes it. */
export function entryFor(manifest: RunManifest, patch: Partial<LiveSmokeEntry> = {}): LiveSmokeEntry {
  return {
    provider: manifest.provider,
    capability: manifest.capability,
    command: manifest.command,
    runtime_manifest: manifest.runtime_manifest,
    date: manifest.created_at.slice(0, 10),
    version: manifest.worldforge_version,
    status: manifest.status === 'skipped' ? 'skipped_missing_credentials' : manifest.status,
    endpoint: manifest.status === 'skipped' ? null : manifest.endpoint,
    artifact_path: `content/live-smoke/runs/${manifest.run_id}.json`,
    artifact_sha256: sha256Tag(canonicalJson(manifest)),
    skip_reason: null,
    known_limitations: [],
    ...patch,
  };
}

/** A content slice holding the entry (at its registry path) and the manifest it cites. */
export function smokeContent(manifest: RunManifest, entry: LiveSmokeEntry = entryFor(manifest)): Map<string, string> {
  return new Map([
    [`content/live-smoke/${entry.provider}-${entry.capability}.json`, canonicalJson(entry)],
    [`content/live-smoke/runs/${manifest.run_id}.json`, canonicalJson(manifest)],
  ]);
}
