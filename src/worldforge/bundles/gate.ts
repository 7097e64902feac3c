/**
 * The file gate every bundle applies before copying anything: what may leave the machine. A file is
 * copied only when its type is a known text format, it is small, and neither a secret scan
 * (`findSecrets`) nor, for JSON, the value scan (`unsafeValues`) finds anything. Artifacts (clips,
 * tensors) are local-only by policy. Excluded files stay listed, with the reason — never copied.
 */
import { extname } from 'node:path';
import { findSecrets, unsafeValues } from '../redaction.ts';
import { strictJsonValue } from '../strict-json.ts';

/** Text formats a bundle may carry. */
export const ATTACHABLE_SUFFIXES = ['.json', '.jsonl', '.md', '.csv', '.txt'] as const;
/** Largest file a bundle copies, in bytes. */
export const MAX_ATTACH_BYTES = 1_000_000;

export interface GateVerdict {
  /** Copied into the bundle. */
  included: boolean;
  /** Its content passed every scan (false for unsafe content; true for local-only policy exclusions). */
  safe_to_attach: boolean;
  /** Stays on the machine that ran it by policy (artifacts), whatever it contains. */
  local_only: boolean;
  /** Why it was excluded, or null. */
  reason: string | null;
}

const excluded = (reason: string, local_only = false): GateVerdict => ({ included: false, safe_to_attach: local_only, local_only, reason });

function jsonProblems(path: string, text: string): string[] {
  const values = path.endsWith('.jsonl') ? text.split('\n').filter((l) => l.trim() !== '') : [text];
  const problems: string[] = [];
  values.forEach((line, i) => {
    let value: unknown;
    try {
      // Strict: a duplicated key would hide one of its values from the value scan.
      value = strictJsonValue(line);
    } catch {
      problems.push(`${path.endsWith('.jsonl') ? `line ${i + 1}: ` : ''}not valid JSON`);
      return;
    }
    for (const u of unsafeValues(value)) problems.push(`${path.endsWith('.jsonl') ? `line ${i + 1} ` : ''}${u.path}: ${u.reason}`);
  });
  return problems;
}

/** Decides whether one file may be copied into a bundle. `artifact` marks run artifacts (local-only). */
export function gateFile(path: string, bytes: Uint8Array, options: { artifact?: boolean } = {}): GateVerdict {
  if (options.artifact) return excluded('run artifact: raw media and tensors stay on the machine that ran (digest listed)', true);
  const suffix = extname(path).toLowerCase();
  if (!(ATTACHABLE_SUFFIXES as readonly string[]).includes(suffix))
    return excluded(`file type ${suffix || '(none)'} is not an attachable text format`, true);
  if (bytes.byteLength > MAX_ATTACH_BYTES) return excluded(`larger than ${MAX_ATTACH_BYTES} bytes`, true);
  const text = Buffer.from(bytes).toString('utf8');
  const hits = findSecrets(text);
  if (hits.length) {
    const kinds = [...new Set(hits.map((h) => h.kind))].join(', ');
    return excluded(`unsafe content found (${kinds}) at ${hits.length} place(s); not copied`);
  }
  if (suffix === '.json' || suffix === '.jsonl') {
    const problems = jsonProblems(path, text);
    if (problems.length)
      return excluded(`unsafe values found (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}); not copied`);
  }
  return { included: true, safe_to_attach: true, local_only: false, reason: null };
}
