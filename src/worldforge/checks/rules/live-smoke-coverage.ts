/** live-smoke-coverage: every advertised capability of a provider that is not checkout-safe has a live-smoke entry, and every entry names an advertised one. */
import { LIVE_SMOKE_DIR, liveSmokeFileName } from '../../live-smoke.ts';
import { defineRule } from '../define-rule.ts';
import type { FindingDraft } from '../finding.ts';
import { liveSmokeEntries } from '../documents.ts';

export default defineRule({
  id: 'live-smoke-coverage',
  title: 'Every remote capability has a live-smoke entry',
  why: 'A provider that is not checkout-safe advertises capabilities that only a live run against its upstream can confirm. Each such (provider, capability) needs an entry, even if it only says why the smoke did not run, so the gap is visible instead of silent.',
  fix: 'Run the provider’s smoke command (e.g. `npx worldforge smoke runway --capability generate`) and `npx worldforge smoke record` its run manifest; a typed skip is a valid entry.',
  scope: ['content', 'profiles'],
  check: ({ content, profiles }): FindingDraft[] => {
    const entries = liveSmokeEntries(content);
    const have = new Set(entries.map(({ entry }) => `${entry.provider}#${entry.capability}`));
    const missing = profiles
      .filter((p) => p.runtime_ownership !== 'checkout-safe')
      .flatMap((p) => p.capabilities.map((capability) => ({ provider: p.name, capability })))
      .filter(({ provider, capability }) => !have.has(`${provider}#${capability}`))
      .map(({ provider, capability }) => ({
        file: `${LIVE_SMOKE_DIR}/${liveSmokeFileName(provider, capability)}`,
        id: `${provider}#${capability}`,
        expected: `a live-smoke entry: ${provider} advertises ${capability} and is not checkout-safe`,
        found: 'no entry',
      }));
    const unknown = entries
      .filter(({ entry }) => !profiles.some((p) => p.name === entry.provider && p.capabilities.includes(entry.capability)))
      .map(({ file, entry }) => ({
        file,
        id: `${entry.provider}#${entry.capability}`,
        expected: 'an entry for a capability the provider advertises',
        found: 'the catalog does not advertise it',
        fix: 'Delete the entry, or advertise the capability (with passing conformance evidence).',
      }));
    return [...missing, ...unknown];
  },
});
