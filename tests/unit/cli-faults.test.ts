/**
 * The CLI under bad input and hostile environments: every failure is a clear message with exit 2
 * (or the check's own verdict), never a stack trace, and nothing is half-written. Cases that need a
 * real process (GitHub Actions annotations, a read-only evidence/ folder, a reader that closes the
 * pipe) spawn the CLI in a repository copy; the rest run `main()` or the command functions
 * in-process, which is cheaper.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ioReason, unexpectedMessage } from '../../scripts/cli-errors.ts';
import { selectionCheck, selectionNew, type Io } from '../../scripts/selection/commands.ts';
import { main } from '../../scripts/wf.ts';
import { copyRepo, REPO, type RepoCopy } from '../helpers/repo-copy.ts';

let repo: RepoCopy | undefined;
const scratch: string[] = [];
afterEach(() => {
  repo?.remove();
  repo = undefined;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-faults-'));
  scratch.push(dir);
  return dir;
};

/** `main(argv)` in-process, with what it wrote to stdout and stderr. */
async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

/** No stack frame, no Node error banner. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |node:internal|Unhandled 'error'|\n\s+\^\n/m);

function sarifValidator() {
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(join(REPO, 'tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ strict: false });
  for (const format of ['uri', 'uri-reference', 'date-time']) ajv.addFormat(format, () => true);
  return ajv.compile({ ...schema, $id: id });
}

describe('worldforge check in GitHub Actions', () => {
  it('annotates each finding of a tampered tree with file, line and rule, writes valid SARIF, and warns after the report when the summary cannot be written', async () => {
    repo = copyRepo();
    const r = repo;
    const path = 'evidence/conformance/mock.json';
    const original = r.read(path);
    const at = original.indexOf('"passed"');
    r.write(path, `${original.slice(0, at)}"failed"${original.slice(at + 8)}`);
    // A claim citing a case that does not exist: a finding with a line (the hand-edited evidence
    // file is one evidence-schema finding; its drift is a consequence, not a second annotation).
    const claims = 'content/claims/capabilities.yaml';
    r.write(claims, r.read(claims).replace('conformance/runway#generate', 'conformance/runway#no-such-case'));
    const sarifPath = join(tempDir(), 'check.sarif');
    const result = await r.cliAsync(['check', '--sarif', sarifPath, '--github-summary', join(r.root, 'no-such-dir', 'summary.md')], {
      GITHUB_ACTIONS: 'true',
      WORLDFORGE_SITE_URL: 'https://example.github.io/worldforge',
    });
    expect(result.code).toBe(1);
    const commands = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toContainEqual(expect.stringMatching(/^::error file=evidence\/conformance\/mock\.json,title=evidence-schema::/));
    expect(commands).toContainEqual(
      expect.stringMatching(/^::error file=content\/claims\/capabilities\.yaml,line=\d+,title=claim-ref-[a-z]+::\[runway-generate\]/),
    );
    expect(commands.findIndex((l) => l.startsWith('::warning'))).toBeGreaterThan(commands.findLastIndex((l) => l.startsWith('::error')));
    expect(result.stdout).toContain('rule: https://example.github.io/worldforge/rules/evidence-schema/');
    expect(result.stdout).toMatch(/worldforge check: FAILED, \d+ error\(s\)/);
    expect(result.stderr).toMatch(
      /warning: the job summary was not written to .*summary\.md: no such file or folder \(ENOENT\)\. The report above is complete\./,
    );
    noStack(result.stderr);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results).toContainEqual(
      expect.objectContaining({
        ruleId: expect.stringMatching(/^claim-ref-/),
        level: 'error',
        locations: [{ physicalLocation: { artifactLocation: { uri: claims }, region: { startLine: expect.any(Number) } } }],
      }),
    );
  });
});

describe('usage and input errors exit 2 with a clear message', () => {
  it('smoke: an unknown capability, command or option', async () => {
    for (const argv of [
      ['smoke', 'runway', '--capability', 'bogus'],
      ['smoke', 'bogus'],
      ['smoke', 'cosmos', '--duration', '-1'],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/error: |argument/);
      noStack(result.stderr);
    }
  });

  it('smoke replay: a missing file, a folder, a file that is not JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    for (const [file, reason] of [
      [join(dir, 'missing.json'), 'cannot be read: no such file or folder (ENOENT)'],
      [dir, 'not a file'],
      [join(dir, 'broken.json'), 'not JSON'],
    ] as const) {
      const result = await run('smoke', 'replay', file);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(`worldforge smoke replay: ${file}: ${reason}`);
      noStack(result.stderr);
    }
  });

  it('selection check: a folder', async () => {
    const result = await run('selection', 'check', join(REPO, 'content'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content: not a file; pass one record/);
  });

  it('check --sarif into a folder that does not exist: the report prints, then exit 2 naming the file', async () => {
    const target = join(tempDir(), 'missing', 'check.sarif');
    const result = await run('check', '--no-dist', '--sarif', target);
    expect(result.stdout).toMatch(/worldforge check: (ok|FAILED)/);
    expect(result.stderr).toContain(`worldforge check: could not write the SARIF file ${target}: no such file or folder (ENOENT)`);
    expect(result.code).toBe(2);
  });

  it('an unusable WORLDFORGE_SITE_URL', async () => {
    vi.stubEnv('WORLDFORGE_SITE_URL', 'ftp://example.org/');
    const result = await run('check', '--no-dist');
    vi.unstubAllEnvs();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WORLDFORGE_SITE_URL="ftp://example.org/" is not usable');
  });
});

describe('selection commands run the secret scan of npm run check', () => {
  const secret = 'https://cdn.example.com/clip.mp4?X-Amz-Signature=abcdef0123456789';
  const io = (cwd: string) => {
    const out: string[] = [];
    return { io: { out: (t) => out.push(t), err: (t) => out.push(t), cwd, interactive: false } satisfies Io, out };
  };

  it('selection check reports a secret with a masked preview; selection new refuses to write one', async () => {
    const dir = tempDir();
    const record = readFileSync(join(REPO, 'tests/fixtures/selection/rule-problems.md'), 'utf8');
    writeFileSync(join(dir, 'rule-problems.md'), record.replace(/^summary: .*$/m, `summary: See ${secret} for the clip.`));
    const checked = io(dir);
    expect(await selectionCheck(checked.io, 'rule-problems.md', { json: true })).toBe(1);
    const report = JSON.parse(checked.out.join('')) as { problems: { rule: string; found: string }[] };
    expect(report.problems).toContainEqual(
      expect.objectContaining({ rule: 'secret-scan', found: expect.stringMatching(/^signed-url \(/) }),
    );
    expect(checked.out.join('')).not.toContain('abcdef0123456789');

    const created = io(dir);
    const code = await selectionNew(created.io, {
      id: 'leaky',
      title: 'Leaky',
      summary: `A record whose summary carries ${secret}.`,
      date: '2026-12-01',
      out: join(dir, 'leaky.md'),
      input: false,
      candidate: ['small-wm'],
      capabilities: ['small-wm=score'],
      upstream: ['small-wm=A latent world model'],
      ownership: ['small-wm=prepared-host'],
      fixtureStrategy: ['small-wm=Injected fake runtime'],
      smoke: ['small-wm=CPU smoke'],
      licenseRisk: ['small-wm=Research licence'],
      scores: ['small-wm=1,2,1,1,2,1,1,1'],
    });
    expect(code).toBe(1);
    expect(created.out.join('')).toMatch(/\[secret-scan\][\s\S]*nothing written/);
    expect(() => readFileSync(join(dir, 'leaky.md'))).toThrow();
  });
});

describe('no bare stack trace', () => {
  it('an unexpected error is one line and a hint; the stack only with WORLDFORGE_DEBUG=1', () => {
    const error = new TypeError(`boom at ${REPO}/scripts/x.ts\nsecond line`);
    const plain = unexpectedMessage(error, REPO, {});
    expect(plain).toBe(
      'worldforge: unexpected error: TypeError: boom at scripts/x.ts\nThis is a bug or an unusual environment. Re-run with WORLDFORGE_DEBUG=1 for the stack trace, and report it with the command you ran.\n',
    );
    expect(unexpectedMessage(error, REPO, { WORLDFORGE_DEBUG: '1' })).toContain(error.stack!.split('\n')[1]!);
    expect(ioReason(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied (EACCES)');
  });

  it('evidence generate with a read-only evidence/ folder: exit 2, one message, nothing written', (ctx) => {
    repo = copyRepo();
    const r = repo;
    // Permission bits do not bind root: run the CLI as an unprivileged user when the tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asUser.uid !== undefined) {
      chmodSync(r.root, 0o755);
      spawnSync('chown', ['-R', '65534:65534', r.root]);
    }
    const path = 'evidence/fixtures/generate.json';
    r.write(path, '{"edited": true}\n');
    const before = ['evidence/index.json', 'evidence/conformance/mock.json', path, 'README.md'].map((p) => r.read(p));
    chmodSync(join(r.root, 'evidence/conformance'), 0o555);
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: r.root };
    delete env.GITHUB_STEP_SUMMARY;
    const result = spawnSync(process.execPath, [join(r.root, 'bin/worldforge.mjs'), 'evidence'], {
      cwd: r.root,
      encoding: 'utf8',
      env,
      ...asUser,
    });
    chmodSync(join(r.root, 'evidence/conformance'), 0o755);
    if (asUser.uid !== undefined && result.error) {
      // The unprivileged user cannot start this Node (a checkout under a root-only folder): the
      // case cannot be staged here, which is an environment fact, not a pass.
      console.warn(`skipped: cannot run node as uid 65534 here (${result.error.message})`);
      ctx.skip();
    }
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('worldforge: cannot write the evidence: evidence/conformance: permission denied (EACCES).');
    expect(result.stderr).toContain('Nothing was written.');
    noStack(result.stderr);
    expect(['evidence/index.json', 'evidence/conformance/mock.json', path, 'README.md'].map((p) => r.read(p))).toEqual(before);
  });

  it('piping into a reader that closes early (| head) ends quietly, without EPIPE', async () => {
    repo = copyRepo();
    const r = repo;
    // Enough findings that the JSON report far exceeds a pipe buffer.
    r.write(
      'README.md',
      `${r.read('README.md')}\n${Array.from({ length: 600 }, (_, i) => `See :claim[no-such-claim-${i}].`).join('\n')}\n`,
    );
    const child = spawn(process.execPath, [join(r.root, 'bin/worldforge.mjs'), 'check', '--json', '--no-dist'], { cwd: r.root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toContain('EPIPE');
    noStack(stderr);
    expect(code).toBe(1);
  });
});
