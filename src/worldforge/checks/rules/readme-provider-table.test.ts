import { describe, expect, it } from 'vitest';
import { renderProviderTable } from '../../readme/provider-table.ts';
import { catalogProfiles } from '../../providers/catalog.ts';
import { brief, runRule } from '../testing.ts';
import rule from './readme-provider-table.ts';

const profiles = catalogProfiles();
const readme = `# T\n\n${renderProviderTable(profiles)}\n`;

describe('readme-provider-table', () => {
  it('reports a table row that differs from the profiles at the table line, and missing markers', () => {
    const findings = runRule(rule, { readme: readme.replace('| stable |', '| beta |'), profiles });
    expect(brief(findings)).toEqual(['error readme-provider-table README.md:3 [provider-table]']);
    expect(findings[0]!.details).toMatch(/^line 6:\n {2}- .*\| beta \|.*\n {2}\+ .*\| stable \|/);
    expect(brief(runRule(rule, { readme: '# T\n', profiles }))).toEqual(['error readme-provider-table README.md:- [provider-table]']);
  });

  it('does not flag the table rendered from the profiles', () => {
    expect(runRule(rule, { readme, profiles })).toEqual([]);
  });
});
