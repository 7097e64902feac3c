/**
 * The claims check: claim rows ⇄ evidence, claim references in prose, required non-claims, and
 * provider capabilities without a backing claim. Reads sources (YAML, Markdown, evidence JSON).
 */
import { CAPABILITIES } from '../../src/worldforge/capabilities/index.ts';
import { CLASS_POLICY } from '../../src/worldforge/claims/backing.ts';
import { parseRef, resolveRef } from '../../src/worldforge/claims/refs.ts';
import { readmeClaimsList, findClaimReferences, CLAIMS_LIST_START, CLAIMS_LIST_END } from '../../src/worldforge/claims/references.ts';
import { REQUIRED_NON_CLAIMS } from '../../src/worldforge/claims/schema.ts';
import { finding, type Rule } from './context.ts';

export const claimSchemaRule: Rule = {
  id: 'claim-schema',
  check: ({ claims, gaps }) =>
    [...claims.problems, ...gaps.problems].map((p) =>
      finding('claim-schema', { file: p.file, line: p.line, id: p.field, expected: 'a valid row', found: p.reason }),
    ),
};

export const claimDuplicateRule: Rule = {
  id: 'claim-duplicate',
  check: ({ claims }) => {
    const first = new Map<string, string>();
    return claims.claims.flatMap((c) => {
      const where = `${c.file}:${c.line}`;
      const earlier = first.get(c.value.id);
      if (earlier === undefined) {
        first.set(c.value.id, where);
        return [];
      }
      return [
        finding('claim-duplicate', {
          file: c.file,
          line: c.line,
          id: c.value.id,
          expected: 'a unique claim id',
          found: `also defined at ${earlier}`,
        }),
      ];
    });
  },
};

export const claimRefRule: Rule = {
  id: 'claim-ref-unknown',
  check: ({ claims, refSources }) =>
    claims.claims.flatMap((c) =>
      c.value.evidence.flatMap((ref, i) => {
        const resolved = resolveRef(ref, refSources);
        const base = { file: c.file, line: c.refLines?.[i] ?? c.line, id: c.value.id };
        if (!resolved.found) {
          return [
            finding('claim-ref-unknown', {
              ...base,
              expected: `evidence ref ${ref} resolves`,
              found: resolved.detail,
              fix: `Fix the ref in ${c.file}, or run \`npm run evidence\` if the evidence should exist.`,
            }),
          ];
        }
        if (resolved.status === 'failed' || resolved.status === 'skipped') {
          return [finding('claim-ref-failed', { ...base, expected: `${ref} passed`, found: resolved.detail })];
        }
        return [];
      }),
    ),
};

export const claimBackingRule: Rule = {
  id: 'claim-class-backing',
  check: ({ claims, refSources }) =>
    claims.claims.flatMap((c) => {
      const { value: claim } = c;
      const policy = CLASS_POLICY[claim.class];
      if (claim.class === 'unsupported') return [];
      const base = { file: c.file, line: c.fieldLines?.class ?? c.line, id: claim.id };
      const resolutions = claim.evidence.map((ref) => ({ ref, kind: parseRef(ref).kind, resolved: resolveRef(ref, refSources) }));
      const backing = resolutions.filter(({ kind, resolved }) => {
        if (!policy.kinds.includes(kind) || !resolved.found) return false;
        if (claim.class === 'deferred') return Boolean(resolved.deferral?.blocker && resolved.deferral.revisitTrigger);
        if (claim.class === 'checkout-tested' && !resolved.checkoutSafe) return false;
        return resolved.status === 'passed';
      });
      const problems = [];
      if (backing.length === 0) {
        const cited = resolutions.map(({ ref, kind }) => `${ref} (${kind})`).join(', ') || 'nothing';
        problems.push(
          finding('claim-class-backing', {
            ...base,
            expected: `${claim.class} needs ${policy.requirement} (kinds: ${policy.kinds.join(', ')})`,
            found: `cites ${cited}`,
          }),
        );
      }
      if (claim.class === 'checkout-tested') {
        for (const { ref, resolved } of resolutions) {
          if (resolved.found && resolved.status !== null && resolved.status !== 'recorded' && !resolved.checkoutSafe) {
            problems.push(
              finding('claim-class-backing', {
                ...base,
                expected: 'checkout-tested evidence is checkout-safe (no runtime manifest)',
                found: `${ref} was produced against a runtime manifest`,
              }),
            );
          }
        }
      }
      return problems;
    }),
};

export const claimCoverageRule: Rule = {
  id: 'claim-coverage',
  check: ({ claims, profiles, refSources }) =>
    profiles.flatMap((profile) =>
      CAPABILITIES.filter((cap) => profile.capabilities.includes(cap)).flatMap((capability) => {
        const wanted = [`conformance/${profile.name}#${capability}`, `conformance/${profile.name}`];
        const backed = claims.claims.some(
          (c) =>
            (c.value.area === 'capability' || c.value.area === 'provider') &&
            c.value.evidence.some((ref) => wanted.includes(ref) && resolveRef(ref, refSources).status === 'passed'),
        );
        return backed
          ? []
          : [
              finding('claim-coverage', {
                file: 'content/claims/capabilities.yaml',
                id: `${profile.name}#${capability}`,
                expected: `a capability or provider claim citing conformance/${profile.name}#${capability} (passed)`,
                found: `${profile.name} advertises ${capability} but no claim row is backed by its conformance evidence`,
                fix: `Add a claim row citing conformance/${profile.name}#${capability} to content/claims/capabilities.yaml, or stop advertising ${capability}.`,
              }),
            ];
      }),
    ),
};

/** Days after which a live smoke no longer backs a prepared-host claim without a warning. */
export const SMOKE_STALENESS_DAYS = 90;

/**
 * Dates are authored data (the smoke's run date), compared with today's date: the only clock the
 * check reads, and only for a warning that never reaches evidence.
 */
export function smokeStaleRule(today: Date = new Date()): Rule {
  return {
    id: 'claim-smoke-stale',
    check: ({ claims, refSources }) =>
      claims.claims
        .filter((c) => c.value.class === 'prepared-host-smoke-tested')
        .flatMap((c) =>
          c.value.evidence.flatMap((ref, i) => {
            const resolved = resolveRef(ref, refSources);
            if (!resolved.found || resolved.status !== 'passed' || !resolved.date) return [];
            const age = Math.floor((today.getTime() - Date.parse(`${resolved.date}T00:00:00Z`)) / 86_400_000);
            if (age <= SMOKE_STALENESS_DAYS) return [];
            return [
              finding('claim-smoke-stale', {
                level: 'warning',
                file: c.file,
                line: c.refLines?.[i] ?? c.line,
                id: c.value.id,
                expected: `${ref} smoked within ${SMOKE_STALENESS_DAYS} days`,
                found: `last passed run on ${resolved.date} (${age} days ago)`,
              }),
            ];
          }),
        ),
  };
}

export const nonClaimsRule: Rule = {
  id: 'claim-non-claims',
  check: ({ claims }) =>
    Object.entries(REQUIRED_NON_CLAIMS).flatMap(([id, topic]) => {
      const row = claims.claims.find((c) => c.value.id === id);
      if (row && row.value.class === 'unsupported' && row.value.area === 'non-claim') return [];
      return [
        finding('claim-non-claims', {
          file: row?.file ?? 'content/claims/non-claims.yaml',
          line: row?.line ?? null,
          id,
          expected: `an unsupported non-claim row '${id}' stating that WorldForge does not claim ${topic}`,
          found: row ? `class ${row.value.class}, area ${row.value.area}` : 'no such row',
        }),
      ];
    }),
};

export const proseReferenceRule: Rule = {
  id: 'claim-reference-unknown',
  check: ({ claims, prose }) => {
    const known = new Set(claims.claims.map((c) => c.value.id));
    return prose.flatMap(({ file, text }) =>
      findClaimReferences(text)
        .filter((ref) => !known.has(ref.id))
        .map((ref) =>
          finding('claim-reference-unknown', {
            file,
            line: ref.line,
            id: ref.id || '(empty)',
            expected: ':claim[id] names a claim row in content/claims/',
            found: `no claim '${ref.id}'`,
            fix: `Use an existing claim id (npx worldforge claims list) or add the row to content/claims/.`,
          }),
        ),
    );
  },
};

export const readmeClaimsListRule: Rule = {
  id: 'readme-claims-list',
  check: ({ readme }) => {
    const items = readmeClaimsList(readme);
    if (items === null) {
      return [
        finding('readme-claims-list', {
          file: 'README.md',
          id: 'claims-list',
          expected: `a claims list between ${CLAIMS_LIST_START} and ${CLAIMS_LIST_END}`,
          found: 'markers missing',
        }),
      ];
    }
    return items
      .filter((item) => item.claimIds.length === 0)
      .map((item) =>
        finding('readme-claims-list', {
          file: 'README.md',
          line: item.line,
          id: item.text.slice(0, 60),
          expected: 'every statement in the README claims list cites :claim[id]',
          found: 'a statement without a claim reference',
        }),
      );
  },
};
