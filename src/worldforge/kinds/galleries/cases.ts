/**
 * How each suite's evidence turns into gallery cases: which of its cases are representative
 * refusals or failures, and the first triage step for each. Pure functions of the documents.
 */
import { sourceOf } from '../../evidence/suite/repo.ts';
import { CATALOG } from '../../providers/catalog.ts';
import { triageFor } from '../../providers/runtime-manifest.ts';
import { redactText } from '../../redaction.ts';
import type { ConformanceEvidence } from '../conformance/schema.ts';
import type { EvaluationEvidence } from '../evaluation/schema.ts';
import type { ExchangesEvidence } from '../exchanges/schema.ts';
import type { FixturesEvidence } from '../fixtures/schema.ts';
import type { ScenesEvidence } from '../scenes/schema.ts';
import type { GalleryCase } from './schema.ts';

/** This module: a change in how cases are picked changes every gallery. */
export const CASES_SOURCE = sourceOf(import.meta.url);

/** A document and the repository path of its file (`evidence/<kind>/<name>.json`), which each case cites as its source. */
export interface SourceDocument<Doc> {
  doc: Doc;
  file: string;
}

export function conformanceCases({ doc, file }: SourceDocument<ConformanceEvidence>): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.kind === 'fails-closed' || c.kind === 'rejects-invalid')
    .map((c) => ({
      case_id: `conformance:${doc.body.provider}:${c.id}`,
      subject: doc.body.provider,
      fixture_id: c.id,
      label: c.status === 'failed' ? 'unexpected-failure' : 'expected-rejection',
      input_summary:
        c.kind === 'fails-closed'
          ? `a valid ${c.capability} request to a provider that does not advertise ${c.capability}`
          : `an invalid ${c.capability} request`,
      expected_contract: c.expected,
      observed: redactText(c.observed),
      error_code: c.error_code,
      first_triage_step:
        c.status === 'failed'
          ? `Run \`${doc.command}\` and read case ${c.id} in ${file}.`
          : c.kind === 'fails-closed'
            ? `Check the provider profile: ${doc.body.provider} does not advertise ${c.capability}; route the call to a provider that does.`
            : 'Read the field named in the error and correct the request; the provider was never called.',
      source: file,
    }));
}

export function fixtureCases({ doc, file }: SourceDocument<FixturesEvidence>): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.expected !== 'ok')
    .map((c) => {
      const check = c.checks.find((k) => k.status === 'failed') ?? c.checks.at(-1)!;
      const failed = c.status === 'failed';
      return {
        case_id: `fixtures:${c.fixture_id}`,
        subject: doc.body.capability,
        fixture_id: c.fixture_id,
        label: failed ? 'unexpected-failure' : 'expected-rejection',
        input_summary: c.input_summary,
        expected_contract: `${c.description} Expected: ${c.expected}.`,
        observed: redactText(`${check.target}: ${check.observed}`),
        error_code: check.error_code,
        first_triage_step: failed
          ? `Compare ${c.fixture_path} with the observed text; fix the provider or the fixture, then run \`npm run evidence\`.`
          : `Compare your request with ${c.fixture_path}; the field named in the error is the one to fix.`,
        source: file,
      };
    });
}

export function sceneCases({ doc, file }: SourceDocument<ScenesEvidence>): GalleryCase[] {
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.expected !== 'accepted')
    .map((c) => {
      const failed = c.status === 'failed';
      const first = c.issues[0];
      return {
        case_id: `scenes:${c.fixture_id}`,
        subject: 'scene-artifact',
        fixture_id: c.fixture_id,
        label: failed ? 'unexpected-failure' : 'expected-rejection',
        input_summary: c.description,
        expected_contract: `Scene artifact validator: ${c.expected}.`,
        observed: redactText(first ? `${c.observed} (${first.code} at ${first.path}: ${first.message})` : c.observed),
        // A refused artifact is refused input; the scene code is in the observed text.
        error_code: c.issues.length ? 'invalid_input' : null,
        first_triage_step: failed
          ? `Run \`${doc.command}\`, compare ${c.fixture_path} with the observed codes, and fix the validator in src/worldforge/scene/ or the fixture.`
          : `Compare your artifact with ${c.fixture_path}; the path and code in the error name the field to fix.`,
        source: file,
      };
    });
}

/** Every recorded failure mode of a remote provider, with its typed error and first triage command. */
export function exchangeCases({ doc, file }: SourceDocument<ExchangesEvidence>): GalleryCase[] {
  const runtime = CATALOG[doc.body.provider]?.runtime ?? null;
  return doc.body.cases
    .filter((c) => c.status === 'failed' || c.failure_mode !== 'success')
    .map((c) => {
      const triage = triageFor(runtime, c.error_code);
      return {
        case_id: `exchanges:${c.exchange_id}`,
        subject: `${doc.body.provider}/${c.capability}`,
        fixture_id: c.exchange_id,
        label: c.status === 'failed' ? 'unexpected-failure' : 'expected-rejection',
        input_summary: `${c.failure_mode}: ${c.description}`,
        expected_contract: `The adapter raises ${c.expected}.`,
        observed: redactText(c.observed),
        error_code: c.error_code,
        first_triage_step:
          c.status === 'failed'
            ? `Run \`${doc.command}\` and compare case ${c.exchange_id} with ${c.exchange_path}.`
            : `\`${triage.command}\` — ${triage.note}`,
        source: file,
      };
    });
}

export function evaluationCases({ doc, file }: SourceDocument<EvaluationEvidence>): GalleryCase[] {
  const { body } = doc;
  return body.scenarios
    .filter((s) => !s.passed || !s.matches_expectation)
    .map((s) => {
      const label = s.matches_expectation ? 'known-failure' : s.passed ? 'expectation-outdated' : 'unexpected-failure';
      const failedThresholds = s.thresholds.filter((t) => !t.passed).map((t) => `${t.metric}=${t.observed} (needs ${t.op} ${t.value})`);
      return {
        case_id: `evaluation:${body.suite}:${s.scenario}`,
        subject: `${body.provider}/${body.capability}`,
        fixture_id: `evaluation:${body.suite}:${s.scenario}`,
        label,
        input_summary: `${s.description} (input ${s.input_digest.slice(0, 19)}…)`,
        expected_contract:
          s.thresholds.map((t) => `${t.metric} ${t.op} ${t.value}`).join(' and ') + (s.expectation_note ? ` — ${s.expectation_note}` : ''),
        observed: redactText(
          `${s.observed}; ${failedThresholds.length ? `failed: ${failedThresholds.join(', ')}` : 'all thresholds held'}`,
        ),
        error_code: null,
        first_triage_step:
          label === 'known-failure'
            ? `Expected: this scenario is deliberately strict. If a provider change makes it pass, update its expectation in src/worldforge/evaluation/suites/${body.suite}.ts.`
            : label === 'expectation-outdated'
              ? `The scenario now passes: change its expectation to 'pass' in src/worldforge/evaluation/suites/${body.suite}.ts and run \`npm run evidence\`.`
              : `Run \`${doc.command}\` and compare the metrics in ${file} with the thresholds.`,
        source: file,
      };
    });
}
