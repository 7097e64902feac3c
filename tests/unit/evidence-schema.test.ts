/** The evidence envelope schema, and the friendly messages it produces (pinned by snapshots). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceEvidenceSchema } from '../../src/worldforge/kinds/conformance/schema.ts';
import { formatIssues, zodIssues } from '../../src/worldforge/validation.ts';
import { REPO } from '../helpers/repo-copy.ts';

const committed = () => JSON.parse(readFileSync(`${REPO}/evidence/conformance/mock.json`, 'utf8'));

function messages(doc: unknown): string {
  const result = conformanceEvidenceSchema().safeParse(doc);
  return result.success ? 'valid' : formatIssues(zodIssues(result.error, doc));
}

describe('conformance evidence schema', () => {
  it('accepts the committed evidence', () => {
    expect(messages(committed())).toBe('valid');
  });

  it('detects a hand-edited body through result_digest', () => {
    const doc = committed();
    doc.body.cases[0].observed = 'looks fine to me';
    expect(messages(doc)).toMatch(/^result_digest: does not match the body/);
  });

  it('explains common mistakes in friendly words', () => {
    const doc = committed();
    doc.status = 'skipped';
    delete doc.claim_boundary;
    doc.inputs = [...doc.inputs].reverse();
    doc.extra = true;
    doc.body.cases[1].capability = 'plan';
    expect(messages(doc)).toMatchSnapshot();
  });
});
