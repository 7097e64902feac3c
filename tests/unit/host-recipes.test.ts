import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/repo-copy.ts';

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;

describe('host recipes (not part of the package, never run in CI)', () => {
  // Visible in the report as skipped when the machine has no python3.
  it.skipIf(!hasPython)('host-recipes/jepa-wms/bridge.py byte-compiles with python3 -m py_compile', () => {
    const result = spawnSync('python3', ['-m', 'py_compile', join(REPO, 'host-recipes/jepa-wms/bridge.py')], {
      encoding: 'utf8',
      // Keep __pycache__ out of the repository.
      env: { ...process.env, PYTHONPYCACHEPREFIX: mkdtempSync(join(tmpdir(), 'wf-pycache-')) },
    });
    expect(result.status, result.stderr).toBe(0);
  });
});
