/**
 * The triage taxonomy: every issue form under .github/ISSUE_TEMPLATE/ has GitHub's issue-form
 * shape (name, description, body[] of typed elements with unique ids, attributes and validations),
 * every label a form applies exists in .github/labels.yml, and the label list covers each stream,
 * each capability and each severity CONTRIBUTING.md describes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { REPO } from '../helpers/repo-copy.ts';

const FORMS_DIR = join(REPO, '.github', 'ISSUE_TEMPLATE');
const read = (path: string) => parse(readFileSync(path, 'utf8'), { uniqueKeys: true }) as unknown;

const validations = z.strictObject({ required: z.boolean() }).optional();
const text = z.string().min(1);
const element = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('markdown'), id: z.string().optional(), attributes: z.strictObject({ value: text }) }),
  z.strictObject({
    type: z.enum(['input', 'textarea']),
    id: text,
    attributes: z.strictObject({
      label: text,
      description: text.optional(),
      placeholder: text.optional(),
      value: text.optional(),
      render: text.optional(),
    }),
    validations,
  }),
  z.strictObject({
    type: z.literal('dropdown'),
    id: text,
    attributes: z.strictObject({
      label: text,
      description: text.optional(),
      multiple: z.boolean().optional(),
      options: z.array(text).min(1),
      default: z.number().int().optional(),
    }),
    validations,
  }),
  z.strictObject({
    type: z.literal('checkboxes'),
    id: text,
    attributes: z.strictObject({
      label: text,
      description: text.optional(),
      options: z.array(z.strictObject({ label: text, required: z.boolean().optional() })).min(1),
    }),
    validations,
  }),
]);
const formSchema = z.strictObject({
  name: text,
  description: text,
  title: text.optional(),
  labels: z.array(text).optional(),
  assignees: z.array(text).optional(),
  body: z.array(element).min(1),
});
const labelSchema = z.array(z.strictObject({ name: text, color: z.string().regex(/^[0-9a-f]{6}$/), description: text.max(100) }));

const labels = labelSchema.parse(read(join(REPO, '.github', 'labels.yml')));
const labelNames = new Set(labels.map((l) => l.name));
const formFiles = readdirSync(FORMS_DIR).filter((f) => f.endsWith('.yml') && f !== 'config.yml');

describe('triage taxonomy', () => {
  it('has the four forms the triage guide names', () => {
    expect(formFiles.sort()).toEqual(['bug_report.yml', 'docs.yml', 'eval_benchmark.yml', 'provider_adapter.yml']);
  });

  it.each(formFiles)('%s is a valid issue form using only defined labels', (file) => {
    const form = formSchema.parse(read(join(FORMS_DIR, file)));
    const ids = form.body.flatMap((e) => (e.id ? [e.id] : []));
    expect(new Set(ids).size, 'element ids are unique').toBe(ids.length);
    for (const e of form.body) {
      if (e.type === 'dropdown') expect(new Set(e.attributes.options).size, `${e.id} options are unique`).toBe(e.attributes.options.length);
    }
    for (const label of form.labels ?? []) expect(labelNames, `${file} label '${label}'`).toContain(label);
  });

  it('routes a provider adapter to a triage path with evidence checkboxes', () => {
    const form = formSchema.parse(read(join(FORMS_DIR, 'provider_adapter.yml')));
    const path = form.body.find((e) => e.id === 'path');
    expect(path?.type === 'dropdown' && path.attributes.options.some((o) => o.includes('selection record'))).toBe(true);
    const evidence = form.body.find((e) => e.id === 'evidence');
    expect(evidence?.type === 'checkboxes' && evidence.attributes.options.length).toBe(5);
  });

  it('defines unique labels for every stream, capability, severity and release scope', () => {
    expect(labelNames.size).toBe(labels.length);
    for (const capability of CAPABILITIES) expect(labelNames).toContain(`capability: ${capability}`);
    for (const name of [
      'stream: provider-evidence',
      'stream: evidence-integrity',
      'stream: ops-authoring',
      'severity: blocking',
      'severity: quality',
      'release',
    ])
      expect(labelNames).toContain(name);
  });

  it('sends security reports to a private advisory', () => {
    const config = z
      .strictObject({
        blank_issues_enabled: z.boolean(),
        contact_links: z.array(z.strictObject({ name: text, url: z.url(), about: text })),
      })
      .parse(read(join(FORMS_DIR, 'config.yml')));
    expect(config.contact_links.some((l) => /private/i.test(l.name))).toBe(true);
    expect(readFileSync(join(REPO, 'SECURITY.md'), 'utf8')).toMatch(/private/i);
  });
});
