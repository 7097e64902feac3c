/**
 * The input corpora the suites read: capability fixtures, scene fixtures and each provider's
 * recorded exchanges. A suite stops at the first invalid corpus it loads, so `npm run check` and
 * `npm run evidence` both validate every corpus here first, and report every problem at once
 * (the check as findings; generation as one error, exit 2, nothing written).
 */
import { FixtureCorpusError, loadCorpus } from '../../fixtures/load.ts';
import type { Problem } from '../../problem.ts';
import { recordedProviderFolders, loadExchanges } from '../../replay/exchange.ts';
import { loadSceneCorpus } from '../../scene/fixtures.ts';
import { REPO_ROOT } from './repo.ts';

/** Problems of every input corpus under `root`; empty when the suites can run. */
export function inputCorpusProblems(root = REPO_ROOT): Problem[] {
  const loaders = [
    () => loadCorpus(root),
    () => loadSceneCorpus(root),
    ...recordedProviderFolders(root).map((provider) => () => loadExchanges(root, provider)),
  ];
  return loaders.flatMap((load) => {
    try {
      load();
      return [];
    } catch (error) {
      if (error instanceof FixtureCorpusError) return [...error.problems];
      throw error;
    }
  });
}

/** Throws one `FixtureCorpusError` listing every problem of every input corpus, if there is any. */
export function assertValidInputCorpora(root = REPO_ROOT): void {
  const problems = inputCorpusProblems(root);
  if (problems.length) throw new FixtureCorpusError(problems, 'The suites’ input corpora under fixtures/ are invalid');
}
