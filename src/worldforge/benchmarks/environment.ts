/**
 * The environment a timing report was measured on. Machine facts belong in reports and baselines
 * (never in deterministic evidence): a budget is only meaningful for the machine class it was
 * calibrated on, so every report says which one it ran on.
 */
import { readFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import type { BenchmarkEnvironment } from './report-schema.ts';

const tinybenchVersion = (): string => {
  try {
    const url = new URL('../../../node_modules/tinybench/package.json', import.meta.url);
    return JSON.parse(readFileSync(url, 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
};

/** Node version, platform, CPU model and count, and the `WORLDFORGE_MACHINE_CLASS` label when set. */
export function benchmarkEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): BenchmarkEnvironment {
  const cores = cpus();
  return {
    node: process.versions.node,
    platform: platform(),
    arch: arch(),
    cpu_model: cores[0]?.model.trim() || 'unknown',
    cpu_count: Math.max(1, cores.length),
    machine_class: env.WORLDFORGE_MACHINE_CLASS?.trim() || null,
    harness: `tinybench ${tinybenchVersion()}`,
  };
}
