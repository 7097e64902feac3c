/**
 * Preserved benchmark baselines (`content/benchmarks/baselines/<preset>.json`): timing reports
 * kept on purpose, dated and with their environment. They are never byte-diffed; the benchmarks
 * suite checks a budget's timing thresholds against them and records their digest as an input.
 * Refs `benchmark-baselines/<preset>` resolve to the file (a record: it backs no class by itself).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINES_DIR, baselinePath } from '../../benchmarks/data.ts';
import { reportSchema } from '../../benchmarks/report-schema.ts';
import { benchmarkPath } from '../../site/routes.ts';
import { defineAuthoredKind } from '../define.ts';
import { unresolved } from '../resolution.ts';
import { parseJsonStrict } from '../../strict-json.ts';

export const kind = defineAuthoredKind({
  id: 'benchmark-baselines',
  classes: [],
  route: (preset) => benchmarkPath(preset),
  resolver:
    ({ root }) =>
    (preset) => {
      const file = baselinePath(preset);
      const path = join(root, file);
      if (!existsSync(path)) return unresolved(file, `no baseline ${file}`);
      const json = parseJsonStrict(readFileSync(path, 'utf8'), file);
      if (!json.ok) return unresolved(file, `${file} is not valid JSON: ${json.problem.reason}`);
      const parsed = reportSchema().safeParse(json.value);
      if (!parsed.success) return unresolved(file, `${file} is not a valid benchmark report`);
      return {
        found: true,
        status: 'recorded',
        source: file,
        checkoutSafe: false,
        deferral: null,
        detail: `${file}: baseline of ${parsed.data.generated_at.slice(0, 10)}`,
        date: parsed.data.generated_at.slice(0, 10),
      };
    },
  collection: { name: 'benchmarkBaselines', base: `./${BASELINES_DIR}`, pattern: '*.json', schema: reportSchema },
});
