// The text-scan worker is an optimization only: what it seeds into the text memo is exactly what
// each call site computes itself, every name it runs is the one its call site memoizes, and a
// worker that cannot start or dies leaves the scans to the main thread.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, buildBundle, bundleIsFresh } from '../../bin/cli-bundle.mjs';
import { findClaimReferences } from '../../src/worldforge/claims/references.ts';
import { scanFileText } from '../../src/worldforge/redaction/file-scan.ts';
import { scanCredentials } from '../../src/worldforge/redaction/secretlint.ts';
import { prescanTexts, stopTextScanWorkers, useTextScanWorker } from '../../src/worldforge/text-scan/pool.ts';
import { TEXT_SCANS, type TextScanName } from '../../src/worldforge/text-scan/scans.ts';
import { knownText, memoText, seedText } from '../../src/worldforge/text-memo.ts';
import { REPO } from '../helpers/repo-copy.ts';

const WORKER = join(REPO, BUNDLE_DIR, 'text-scan-worker.mjs');
let run = 0;
/** Texts no earlier test in this process has scanned (the memo would answer them). */
const unique = (texts: string[]) => {
  run += 1;
  return texts.map((text) => `${text}\n<!-- run ${run} -->\n`);
};

/** Real inputs of every kind the check scans, with planted secrets among them. */
function corpus(): string[] {
  const docs = readdirSync(join(REPO, 'src/content/docs'))
    .filter((f) => f.endsWith('.md'))
    .slice(0, 6)
    .map((f) => readFileSync(join(REPO, 'src/content/docs', f), 'utf8'));
  return [
    ...docs,
    readFileSync(join(REPO, 'evidence/index.json'), 'utf8'),
    'See :claim[mock-predict] and [the claim](../content/claims/mock.yaml#mock-score).\n',
    'token sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789 and https://hooks.slack.com/services/T01234567/B01234567/abcdefghijklmnopqrstuvwx\n',
    'a path /home/alice/weights.pt and https://cdn.example.com/x.mp4?X-Amz-Signature=abc123&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE\n',
    '',
  ];
}

beforeAll(async () => {
  if (!bundleIsFresh(REPO)) await buildBundle(REPO);
});
afterEach(async () => {
  await stopTextScanWorkers();
  useTextScanWorker(null);
});

describe('text-scan worker', () => {
  it('runs only scans whose call sites memoize them under the same name (a seeded sentinel is what each call site answers)', async () => {
    const text = unique(['sentinel text'])[0]!;
    const sentinels: Record<TextScanName, unknown> = {
      'secret-spans': [{ index: 0, kind: 'host-path', preview: 'SENTINEL' }],
      secretlint: [{ kind: 'credential', index: 0, preview: 'SENTINEL-LINT' }],
      'claim-references': [{ id: 'sentinel-claim', line: 1, form: 'directive' }],
    };
    expect(Object.keys(sentinels).sort()).toEqual(Object.keys(TEXT_SCANS).sort());
    for (const [name, value] of Object.entries(sentinels)) seedText(name, text, value);
    expect(scanFileText(text)[0]?.previews).toEqual(['SENTINEL']);
    expect((await scanCredentials([text])).hits(text)).toEqual(sentinels.secretlint);
    expect(findClaimReferences(text)).toEqual(sentinels['claim-references']);
  });

  it('seeds exactly what each scan computes on this thread, for every scan, on real and planted texts', async () => {
    useTextScanWorker(pathToFileURL(WORKER));
    const texts = unique(corpus());
    for (const name of Object.keys(TEXT_SCANS) as TextScanName[]) {
      await prescanTexts(name, texts);
      for (const text of texts) {
        expect(knownText(name, text)).toBe(true);
        const seeded = memoText(name, text, () => 'not seeded');
        expect(seeded).toEqual(await (TEXT_SCANS[name] as (t: string) => unknown)(text));
      }
    }
    // The planted secrets were found off-thread: the worker ran the real scanners.
    const planted = texts.at(-3)!;
    expect(scanFileText(planted, await scanCredentials([planted])).length).toBeGreaterThan(0);
  });

  it('leaves every text to this thread when the worker is missing, fails to load, or is asked for an unknown scan; never rejects', async () => {
    const texts = unique(corpus());
    const scratch = mkdtempSync(join(tmpdir(), 'wf-scan-worker-'));
    try {
      useTextScanWorker(pathToFileURL(join(scratch, 'no-such-worker.mjs')));
      await expect(prescanTexts('secret-spans', texts)).resolves.toBeUndefined();
      writeFileSync(join(scratch, 'broken.mjs'), "throw new Error('a worker that cannot load');\n");
      useTextScanWorker(pathToFileURL(join(scratch, 'broken.mjs')));
      await expect(prescanTexts('secret-spans', texts)).resolves.toBeUndefined();
      expect(texts.some((text) => knownText('secret-spans', text))).toBe(false);
      useTextScanWorker(pathToFileURL(WORKER));
      await expect(prescanTexts('no-such-scan', texts)).resolves.toBeUndefined();
      expect(texts.some((text) => knownText('no-such-scan', text))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('serves every CLI instance of one build from one worker, and a build with other code from its own', async () => {
    const registry = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('worldforge.text-scan-workers')]!;
    const scratch = mkdtempSync(join(tmpdir(), 'wf-scan-worker-'));
    try {
      // A copy of the repository: the same worker bytes at another path.
      writeFileSync(join(scratch, 'same.mjs'), readFileSync(WORKER));
      writeFileSync(join(scratch, 'other.mjs'), `${readFileSync(WORKER, 'utf8')}\n// other code\n`);
      for (const file of [WORKER, join(scratch, 'same.mjs')]) {
        useTextScanWorker(pathToFileURL(file));
        await prescanTexts('secret-spans', unique(['one more text']));
      }
      expect(registry.size).toBe(1);
      useTextScanWorker(pathToFileURL(join(scratch, 'other.mjs')));
      const texts = unique(['a text for the other build']);
      await prescanTexts('secret-spans', texts);
      expect(registry.size).toBe(2);
      expect(knownText('secret-spans', texts[0]!)).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('is off without a worker location, and with WORLDFORGE_TEXT_SCAN_WORKER=0', async () => {
    const texts = unique(corpus());
    await prescanTexts('secret-spans', texts);
    expect(texts.some((text) => knownText('secret-spans', text))).toBe(false);
    useTextScanWorker(pathToFileURL(WORKER));
    process.env.WORLDFORGE_TEXT_SCAN_WORKER = '0';
    try {
      await prescanTexts('secret-spans', texts);
    } finally {
      delete process.env.WORLDFORGE_TEXT_SCAN_WORKER;
    }
    expect(texts.some((text) => knownText('secret-spans', text))).toBe(false);
  });
});
