/** Record schemas, rubric arithmetic, frontmatter positions and the interactive prompt, in process. */
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/repo-copy.ts';
import { bandOf, CRITERION_IDS, MAX_SCORE, scoreTotal } from '../../src/worldforge/records/rubric.ts';
import { lineOfPath, parseMarkdownFile } from '../../src/worldforge/records/frontmatter.ts';
import { loadRecords, parseSelectionRecord } from '../../src/worldforge/records/load.ts';
import { designRecordSchema } from '../../src/worldforge/records/design.ts';
import { promptRecord } from '../../scripts/selection/prompt.ts';
import { renderRecord } from '../../scripts/selection/render.ts';

describe('committed records', () => {
  const records = loadRecords(REPO);

  it('load without problems: the first cohort record and both design records', () => {
    expect(records.problems).toEqual([]);
    expect(records.selection.map((r) => r.data.id)).toEqual(['cohort-1']);
    expect(records.design.map((r) => r.data.id).sort()).toEqual(['genie', 'scene-artifact-boundary']);
  });

  it('cohort 1 covers the candidates of the issue with at most 3 active and concrete deferrals', () => {
    const cohort = records.selection[0]!.data;
    expect(cohort.candidates.map((c) => c.id)).toEqual([
      'jepa-wms-score',
      'media-retention',
      'spatial-scene',
      'genie',
      'remote-video-apis',
      'simulator-bridges',
      'embodied-policy-stacks',
    ]);
    expect(cohort.candidates.filter((c) => c.decision === 'active').length).toBeLessThanOrEqual(3);
    for (const c of cohort.candidates.filter((c) => c.decision === 'deferred')) {
      expect(c.blocker, c.id).toBeTruthy();
      expect(c.revisit_trigger, c.id).toBeTruthy();
    }
  });

  it('keeps the Genie provider deferred in its design record', () => {
    const genie = records.design.find((d) => d.data.id === 'genie')!.data;
    expect(genie).toMatchObject({ decision: 'deferred', providers: ['genie'], selection: 'cohort-1#genie' });
  });
});

describe('rubric', () => {
  it('computes totals and bands at the edges', () => {
    const all = (n: 0 | 1 | 2) =>
      Object.fromEntries(CRITERION_IDS.map((id) => [id, n])) as Record<(typeof CRITERION_IDS)[number], 0 | 1 | 2>;
    expect(scoreTotal(all(2))).toBe(MAX_SCORE);
    expect([16, 12, 11, 8, 7, 0].map((t) => bandOf(t).decision)).toEqual(['active', 'active', 'rfc', 'rfc', 'deferred', 'deferred']);
    expect(scoreTotal(all(1))).toBe(8);
  });
});

describe('frontmatter positions', () => {
  const text = '---\nid: x\nlist:\n  - a: 1\n    b: 2\n---\n\nBody line\n';
  it('maps fields to file lines and the body to its first line', () => {
    const parsed = parseMarkdownFile(text);
    expect(lineOfPath(parsed, ['id'])).toBe(2);
    expect(lineOfPath(parsed, ['list', 0, 'b'])).toBe(5);
    expect(lineOfPath(parsed, ['list', 0, 'missing'])).toBe(4);
    expect(parsed.bodyLine).toBe(7);
  });

  it('reports YAML syntax errors with a file line', () => {
    const result = parseSelectionRecord('content/selection-records/x.md', '---\nid: x\ntitle: [unclosed\n---\n');
    expect(result.problems[0]).toMatchObject({ rule: 'selection-schema', field: '(frontmatter)' });
    expect(result.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('accepts a date js-yaml turned into a Date (as Astro parses it) and refuses day 30 of February', () => {
    const base = {
      id: 'x',
      title: 'A design',
      kind: 'provider-runtime',
      decision: 'accepted',
      summary: 'A summary of at least twenty characters.',
      host_owns: ['The runtime'],
    };
    expect(designRecordSchema().parse({ ...base, decision_date: new Date('2026-11-26T00:00:00Z') }).decision_date).toBe('2026-11-26');
    expect(designRecordSchema().safeParse({ ...base, decision_date: '2026-02-30' }).success).toBe(false);
  });
});

describe('selection new in a terminal', () => {
  it('asks, proposes the band decision, asks for blocker and trigger of a deferral, and yields a valid record', async () => {
    const answers = [
      'cohort-9',
      'Provider cohort 9',
      '',
      '2026-12-02',
      'A scripted cohort answering every prompt in order.',
      'small-wm',
      'Small world model',
      'score',
      'A latent model with a cost API',
      'prepared-host',
      'Injected fake runtime',
      'CPU smoke on a host',
      'Research licence to review',
      '1',
      '2',
      '1',
      '1',
      '2',
      '1',
      '1',
      '1',
      '',
      '',
      'sim-x',
      '',
      'predict,nonsense',
      'predict',
      'A simulator with a step API',
      'prepared-host',
      'Recorded step traces',
      'Needs the simulator installed',
      'Per-simulator licence',
      '1',
      '0',
      '1',
      '1',
      '1',
      '0',
      '1',
      '3',
      '0',
      '',
      'TBD',
      'No capability contract models a simulator step.',
      'A design record defines a step artifact.',
      '',
      '',
    ];
    const said: string[] = [];
    const draft = await promptRecord(
      async () => answers.shift() ?? '',
      (line) => said.push(line),
      { decision_date: '2026-12-02' },
    );
    expect(answers).toEqual([]);
    expect(draft.candidates.map((c) => [c.id, c.decision])).toEqual([
      ['small-wm', 'rfc'],
      ['sim-x', 'deferred'],
    ]);
    expect(said.join('\n')).toContain("Total 10/16: band RFC / design (8–11) suggests 'rfc'");
    expect(said.join('\n')).toContain('unknown: nonsense');
    const result = parseSelectionRecord('content/selection-records/cohort-9.md', renderRecord(draft));
    expect(result.problems).toEqual([]);
  });
});
