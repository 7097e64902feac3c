/** Rules tying provider profiles to conformance evidence and to the README table. */
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { evidenceSchemaOf, type ConformanceEvidence } from '../../src/worldforge/evidence/index.ts';
import { findProviderTable, renderProviderTable } from '../../generators/readme-table.ts';
import { finding, type Rule } from './context.ts';

function conformanceDoc(files: ReadonlyMap<string, string>, provider: string): ConformanceEvidence | null {
  const text = files.get(`conformance/${provider}.json`);
  if (text === undefined) return null;
  try {
    const parsed = evidenceSchemaOf('conformance').safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // unreadable files are reported by evidence-schema
  }
}

export const conformanceFailedRule: Rule = {
  id: 'conformance-failed',
  check: ({ fresh, profiles }) =>
    profiles.flatMap((profile) => {
      const doc = fresh ? conformanceDoc(fresh, profile.name) : null;
      return (doc?.body.cases ?? [])
        .filter((c) => c.status === 'failed')
        .map((c) =>
          finding('conformance-failed', {
            file: `evidence/conformance/${profile.name}.json`,
            id: `${profile.name}#${c.id}`,
            expected: c.expected,
            found: c.observed,
          }),
        );
    }),
};

export const profileConformanceRule: Rule = {
  id: 'profile-conformance',
  check: ({ committed, profiles }) =>
    profiles.flatMap((profile) => {
      const doc = conformanceDoc(committed, profile.name);
      if (!doc) return []; // missing or malformed: evidence-missing / evidence-schema report it
      const file = `evidence/conformance/${profile.name}.json`;
      return CAPABILITIES.flatMap((capability) => {
        const advertised = profile.capabilities.includes(capability);
        const caseId = `${capability}/${advertised ? 'call' : 'fails-closed'}`;
        const backing = doc.body.cases.find((c) => c.id === caseId);
        if (backing?.status === 'passed') return [];
        const recorded = doc.body.cases.find((c) => c.capability === capability);
        const found = !backing
          ? recorded
            ? `committed evidence records ${capability} as ${recorded.advertised ? 'advertised' : 'not advertised'} (case ${recorded.id})`
            : `committed evidence has no ${capability} case`
          : `case ${caseId} ${backing.status}: ${backing.observed}`;
        return [
          finding('profile-conformance', {
            file,
            id: `${profile.name}#${capability}`,
            expected: advertised
              ? `profile advertises ${capability}, so a passing ${caseId} case`
              : `profile does not advertise ${capability}, so a passing ${caseId} case`,
            found,
          }),
        ];
      });
    }),
};

export const readmeProviderTableRule: Rule = {
  id: 'readme-provider-table',
  check: ({ readme, profiles }) => {
    const expected = renderProviderTable(profiles);
    const found = findProviderTable(readme);
    if (!found) {
      return [
        finding('readme-provider-table', {
          file: 'README.md',
          id: 'provider-table',
          expected: 'a provider table between the worldforge:provider-table markers',
          found: 'markers missing',
          fix: 'Restore the two marker comments in README.md, then run `npm run evidence`.',
        }),
      ];
    }
    if (found.current === expected) return [];
    const want = expected.split('\n');
    const have = found.current.split('\n');
    const diffs = want
      .map((line, i) => ({ line, i }))
      .filter(({ line, i }) => have[i] !== line)
      .map(({ line, i }) => `line ${found.line + i}:\n  - ${have[i] ?? '(missing)'}\n  + ${line}`);
    const extra = have.length > want.length ? [`${have.length - want.length} extra line(s) at the end of the table`] : [];
    return [
      finding('readme-provider-table', {
        file: 'README.md',
        line: found.line,
        id: 'provider-table',
        expected: 'the table rendered from the catalog profiles',
        found: `${diffs.length + extra.length} row(s) differ`,
        details: [...diffs, ...extra].join('\n'),
      }),
    ];
  },
};
