/**
 * The input corpora the suites read: capability fixtures, scene fixtures and each provider's
 * recorded exchanges. A suite stops at the first invalid corpus it loads, so `npm run check` and
 * `npm run evidence` both validate every corpus here first, and report every problem at once
 * (the check as findings; generation as one error, exit 2, nothing written). The corpora are read
 * once per process: the suites take them from the same loaders the validation used.
 */
import { FixtureCorpusError, loadCorpus, type LoadedFixture } from '../../fixtures/load.ts';
import { once } from '../../once.ts';
import type { Problem } from '../../problem.ts';
import { type Exchange, loadExchanges, recordedProviderFolders } from '../../replay/exchange.ts';
import { loadSceneCorpus, type SceneFixture } from '../../scene/fixtures.ts';
import { REPO_ROOT } from './repo.ts';

/** The capability fixture corpus of this checkout (throws `FixtureCorpusError` when invalid). */
export const repoFixtureCorpus: () => readonly LoadedFixture[] = once(() => loadCorpus(REPO_ROOT));

/** The scene fixture corpus of this checkout (throws `FixtureCorpusError` when invalid). */
export const repoSceneCorpus: () => readonly SceneFixture[] = once(() => loadSceneCorpus(REPO_ROOT));

const exchangesByProvider = new Map<string, readonly (Exchange & { path: string })[]>();

/** A provider's recorded exchanges in this checkout (throws `FixtureCorpusError` when invalid). */
export function repoExchanges(provider: string): readonly (Exchange & { path: string })[] {
  let exchanges = exchangesByProvider.get(provider);
  if (!exchanges) {
    exchanges = loadExchanges(REPO_ROOT, provider);
    exchangesByProvider.set(provider, exchanges);
  }
  return exchanges;
}

/** Problems of every input corpus of this checkout; empty when the suites can run. */
export function inputCorpusProblems(): Problem[] {
  return corpusProblems([
    repoFixtureCorpus,
    repoSceneCorpus,
    ...recordedProviderFolders(REPO_ROOT).map((provider) => () => repoExchanges(provider)),
  ]);
}

/**
 * Problems of every input corpus under another `root` (read afresh, not cached): for a check over
 * a scratch copy of the data, whose suites cannot run in this process.
 */
export function inputCorpusProblemsAt(root: string): Problem[] {
  return corpusProblems([
    () => loadCorpus(root),
    () => loadSceneCorpus(root),
    ...recordedProviderFolders(root).map((provider) => () => loadExchanges(root, provider)),
  ]);
}

function corpusProblems(loaders: readonly (() => unknown)[]): Problem[] {
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
export function assertValidInputCorpora(): void {
  const problems = inputCorpusProblems();
  if (problems.length) throw new FixtureCorpusError(problems, 'The suites’ input corpora under fixtures/ are invalid');
}
