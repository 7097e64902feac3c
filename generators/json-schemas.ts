/**
 * JSON Schema exports of the evidence schemas, so tools outside TypeScript can validate evidence.
 * Generated from the zod schemas (zod 4's `z.toJSONSchema`): one model, never re-typed by hand.
 * Refinements that JSON Schema cannot express (digest matches body, sorted inputs) are checked by
 * `npm run check` only.
 */
import { z } from 'zod';
import { EVIDENCE_KINDS, evidenceIndexSchema, INDEX_SCHEMA } from '../src/worldforge/evidence/index.ts';
import { canonicalJson } from '../src/worldforge/digest.ts';
import { checkReportSchema } from '../src/worldforge/checks/finding.ts';
import { EVIDENCE_BUNDLE_SCHEMA, evidenceBundleSchema, ISSUE_BUNDLE_SCHEMA, issueBundleSchema } from '../src/worldforge/bundles/schema.ts';
import { BRIDGE_SCHEMA, bridgeProtocolSchema } from '../src/worldforge/bridge/protocol.ts';

export const SCHEMA_DIR = 'schemas';

export function jsonSchemaFiles(): { path: string; schemaName: string; content: string }[] {
  const entries: [string, string, z.ZodType][] = [
    ...Object.entries(EVIDENCE_KINDS).map(([kind, def]) => [kind, def.schemaName, def.schema()] as [string, string, z.ZodType]),
    ['index', INDEX_SCHEMA, evidenceIndexSchema()],
    ['check-report', 'worldforge.check-report@1', checkReportSchema()],
    ['issue-bundle', ISSUE_BUNDLE_SCHEMA, issueBundleSchema()],
    ['evidence-bundle', EVIDENCE_BUNDLE_SCHEMA, evidenceBundleSchema()],
    // The runtime bridge protocol, for hosts implementing a runtime in another language.
    ['runtime-bridge', BRIDGE_SCHEMA, bridgeProtocolSchema()],
  ];
  return entries.map(([kind, schemaName, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
    return {
      path: `${SCHEMA_DIR}/${kind}.schema.json`,
      schemaName,
      content: canonicalJson({ ...json, title: schemaName }),
    };
  });
}
