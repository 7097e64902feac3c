/**
 * What `worldforge smoke` keeps from a score or policy call: a JSON summary with tensor shapes,
 * counts and the chosen index — never the tensors, observations or raw actions — written as the
 * run's artifact, and the sentence the run manifest carries.
 */
import { canonicalJson } from '../digest.ts';
import type { ProviderEvent } from '../events.ts';

/** The name the fake runtime gives in its hello. */
export const FAKE_RUNTIME_NAME = 'worldforge-fake-runtime';

export interface ResultSummary {
  /** Artifact path inside the run folder. */
  path: string;
  bytes: Uint8Array;
  content_type: 'application/json';
  message: string;
  /**
   * The fake runtime answered: the run is a local rehearsal (run manifest `endpoint: local`), which
   * `smoke record` refuses as live evidence unless `--allow-local`.
   */
  rehearsal: boolean;
}

/** The summary artifact of a score or policy result, or null for media results. */
export function summarizeNonMediaResult(
  provider: string,
  capability: string,
  result: object,
  events: readonly ProviderEvent[],
): ResultSummary | null {
  if ('frames' in result) return null;
  const shapes = events.map((e) => e.tensor_shapes ?? {});
  const r = result as {
    scores?: number[];
    best_index?: number;
    lower_is_better?: boolean;
    action_candidates?: unknown[][];
    actions?: unknown[];
    metadata?: Record<string, unknown>;
  };
  const summary =
    capability === 'score'
      ? { capability, score_count: r.scores?.length ?? 0, best_index: r.best_index ?? null, lower_is_better: r.lower_is_better ?? null }
      : { capability, candidate_count: r.action_candidates?.length ?? 0, action_count: r.actions?.length ?? 0 };
  const body = { provider, ...summary, runtime: r.metadata?.runtime ?? null, device: r.metadata?.device ?? null, tensor_shapes: shapes };
  const shapeText = shapes
    .map((s) =>
      Object.entries(s)
        .map(([k, v]) => `${k} [${v.join(', ')}]`)
        .join(', '),
    )
    .join('; ');
  const what =
    capability === 'score'
      ? `${summary.score_count ?? 0} finite scores (best index ${r.best_index})`
      : `${r.action_candidates?.length ?? 0} candidate action chunk(s)`;
  return {
    path: `artifacts/${capability}-summary.json`,
    bytes: new TextEncoder().encode(canonicalJson(body)),
    content_type: 'application/json',
    message: `${provider} ${capability} returned ${what}; tensor shapes ${shapeText || 'none'}.`,
    rehearsal: String(r.metadata?.runtime ?? '').startsWith(FAKE_RUNTIME_NAME),
  };
}
