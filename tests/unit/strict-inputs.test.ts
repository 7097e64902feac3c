// Inputs read outside the check's own loaders refuse a duplicated key too (json-readers.test.ts
// holds every reader to the strict one; these show it end to end for a few of them).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readBudgetFile } from '../../src/worldforge/benchmarks/gate.ts';
import { loadBridgeExchanges } from '../../src/worldforge/bridge/exchange.ts';
import { readWorkspaceManifest } from '../../src/worldforge/runs/manifest.ts';
import { REPO } from '../helpers/repo-copy.ts';

let scratch = '';
afterEach(() => rmSync(scratch, { recursive: true, force: true }));
const fresh = () => (scratch = mkdtempSync(join(tmpdir(), 'wf-strict-')));
/** `{"<key>": <first>, …rest}` with `key` written twice: JSON.parse would keep the second. */
const duplicated = (text: string, key: string) => text.replace('{', `{\n  "${key}": "shadowed",`);

describe('strict JSON inputs', () => {
  it('a recorded bridge exchange with a duplicated key is a problem naming file, line and key', () => {
    const root = fresh();
    const folder = 'fixtures/bridge/lerobot';
    cpSync(join(REPO, folder), join(root, folder), { recursive: true });
    const file = readdirSync(join(root, folder)).find((f) => f.endsWith('.json'))!;
    const original = JSON.parse(readFileSync(join(root, folder, file), 'utf8'));
    const key = Object.keys(original)[0]!;
    writeFileSync(join(root, folder, file), duplicated(readFileSync(join(root, folder, file), 'utf8'), key));
    expect(() => loadBridgeExchanges(root, 'lerobot')).toThrow(new RegExp(`duplicate key '${key}'.*\\(line \\d+, column \\d+\\)`));
  });

  it('a budget file and a run workspace manifest with a duplicated key are refused with the line', () => {
    const root = fresh();
    writeFileSync(join(root, 'budget.json'), '{"schema": "x", "schema": "y"}\n');
    expect(() => readBudgetFile('budget.json', root)).toThrow(/invalid/);
    try {
      readBudgetFile('budget.json', root);
    } catch (error) {
      expect(JSON.stringify((error as { problems?: unknown }).problems)).toMatch(/duplicate key 'schema'.*line 1, column/);
    }
    mkdirSync(join(root, 'run'));
    writeFileSync(join(root, 'run', 'manifest.json'), '{"run_id": "a",\n "run_id": "b"}\n');
    expect(() => readWorkspaceManifest(join(root, 'run', 'manifest.json'))).toThrow();
    try {
      readWorkspaceManifest(join(root, 'run', 'manifest.json'));
    } catch (error) {
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toMatch(/duplicate key 'run_id'.*line 2, column 2/);
    }
  });
});
