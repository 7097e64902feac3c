/**
 * The bridge client: starts a host runtime command in its own process group, reads its `hello`,
 * sends id'd requests and matches responses, and guarantees the process is gone afterwards.
 *
 * Failure handling is bounded and typed (see `BRIDGE_FAILURES`): no hello in time, no response in
 * time (hang), exit with a request in flight (crash), a line over the size cap, a line that is not
 * a protocol message — each kills the whole process group (SIGTERM, then SIGKILL after a grace
 * period), waits for the exit so no zombie is left, and rejects every pending request. A client
 * that failed is dead; providers start a fresh one for the next call. Clients still alive when
 * the Node process exits are killed by an exit hook.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { z } from 'zod';
import { redactText } from '../redaction.ts';
import { formatIssues, zodIssues } from '../validation.ts';
import { BridgeError, type BridgeFailure } from './errors.ts';
import {
  BRIDGE_PROTOCOL_VERSION,
  type BridgeMethod,
  decodeWire,
  type Hello,
  helloSchema,
  MAX_MESSAGE_BYTES,
  METHOD_SCHEMAS,
  runtimeMessageSchema,
} from './protocol.ts';

/** How to start the runtime: a shell command line (as hosts configure it) or an argv (no shell). */
export type RuntimeLaunch = { command: string } | { argv: readonly string[] };

export interface BridgeClientOptions {
  launch: RuntimeLaunch;
  /** Environment of the runtime (defaults to this process's). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory of the runtime. */
  cwd?: string;
  /** How long the runtime may take to say hello (model loading happens before it). */
  helloTimeoutMs?: number;
  /** How long one request may take. */
  requestTimeoutMs?: number;
  /** How long a runtime may take to exit after `shutdown` or SIGTERM before it is SIGKILLed. */
  shutdownGraceMs?: number;
  /** Size cap per line, in bytes. */
  maxMessageBytes?: number;
}

export const BRIDGE_DEFAULTS = {
  helloTimeoutMs: 120_000,
  requestTimeoutMs: 120_000,
  shutdownGraceMs: 2_000,
  maxMessageBytes: MAX_MESSAGE_BYTES,
} as const;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; method: BridgeMethod; timer: NodeJS.Timeout };

/** Clients whose process may still run; killed synchronously if Node exits first. */
const LIVE = new Set<BridgeClient>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const client of LIVE) client.killNow();
  });
}

/** How many runtimes this process started that have not exited yet (tests assert 0). */
export const liveRuntimeCount = (): number => LIVE.size;

export type MethodResult<M extends BridgeMethod> = z.output<ReturnType<(typeof METHOD_SCHEMAS)[M]['result']>>;

export class BridgeClient {
  readonly #child: ChildProcess;
  readonly #options: Required<Omit<BridgeClientOptions, 'env' | 'cwd' | 'launch'>>;
  readonly #pending = new Map<string, Pending>();
  readonly #exited: Promise<void>;
  #buffer: Buffer = Buffer.alloc(0);
  #stderrTail = '';
  #nextId = 1;
  #failure: BridgeError | null = null;
  #hello: Hello | null = null;
  #onHello: { resolve: (h: Hello) => void; reject: (e: Error) => void } | null = null;
  #exitCode: number | null = null;
  #closing = false;

  private constructor(options: BridgeClientOptions) {
    this.#options = {
      helloTimeoutMs: options.helloTimeoutMs ?? BRIDGE_DEFAULTS.helloTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs ?? BRIDGE_DEFAULTS.requestTimeoutMs,
      shutdownGraceMs: options.shutdownGraceMs ?? BRIDGE_DEFAULTS.shutdownGraceMs,
      maxMessageBytes: options.maxMessageBytes ?? BRIDGE_DEFAULTS.maxMessageBytes,
    };
    const { launch } = options;
    const [file, args] = 'command' in launch ? ['/bin/sh', ['-c', launch.command]] : [launch.argv[0]!, launch.argv.slice(1)];
    // detached: the runtime leads its own process group, so a kill reaches whatever it forked.
    this.#child = spawn(file, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      cwd: options.cwd,
    });
    // Unreferenced: a forgotten client never keeps Node alive (pending calls hold timers that do);
    // the exit hook then kills its process group.
    this.#child.unref();
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr])
      (stream as unknown as { unref?: () => void })?.unref?.();
    LIVE.add(this);
    installExitHook();
    this.#exited = new Promise((resolve) => {
      this.#child.once('close', () => {
        LIVE.delete(this);
        resolve();
      });
    });
    this.#child.once('error', (error) =>
      this.#fail('runtime_unreachable', `the runtime command could not be started (${redactText(error.message)})`),
    );
    this.#child.once('exit', (code, signal) => {
      this.#exitCode = code;
      if (this.#closing) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!this.#hello) this.#fail('runtime_unreachable', `the runtime exited with ${how} before its hello${this.#stderrHint()}`);
      else if (this.#pending.size)
        this.#fail('crashed', `the runtime exited with ${how} while a request was in flight${this.#stderrHint()}`);
      else this.#fail('crashed', `the runtime exited with ${how}`);
    });
    this.#child.stdout!.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderrTail = (this.#stderrTail + chunk.toString('utf8')).slice(-400);
    });
    this.#child.stdin!.on('error', () => {
      // EPIPE after the runtime died: the exit handler reports it.
    });
  }

  /** Starts the runtime and waits for a valid hello. Throws `BridgeError` on any failure. */
  static async start(options: BridgeClientOptions): Promise<BridgeClient> {
    const client = new BridgeClient(options);
    try {
      await client.#waitForHello();
    } catch (error) {
      await client.close();
      throw error;
    }
    return client;
  }

  /** The runtime's hello. */
  get hello(): Hello {
    if (!this.#hello) throw new Error('no hello yet');
    return this.#hello;
  }

  /** Process id of the runtime (the leader of its process group). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** True until the client failed or was closed. */
  get alive(): boolean {
    return !this.#failure && !this.#closing;
  }

  /** Sends one request and resolves with its validated, decoded result. */
  async request<M extends BridgeMethod>(
    method: M,
    params: Record<string, unknown>,
    options: { timeoutMs?: number } = {},
  ): Promise<MethodResult<M>> {
    if (this.#failure) throw this.#failure;
    if (this.#closing) throw new BridgeError('runtime_unreachable', 'the runtime connection is closed');
    if (!this.hello.methods.includes(method)) {
      throw new BridgeError('runtime_error', `the runtime does not offer '${method}' (its hello lists ${this.hello.methods.join(', ')})`);
    }
    const id = `r${this.#nextId++}`;
    const line = `${JSON.stringify({ type: 'request', id, method, params })}\n`;
    if (Buffer.byteLength(line) - 1 > this.#options.maxMessageBytes) {
      throw new BridgeError(
        'oversized_message',
        `the ${method} request is larger than the bridge cap of ${this.#options.maxMessageBytes} bytes`,
      );
    }
    const raw = await new Promise<unknown>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs;
      const timer = setTimeout(() => {
        this.#fail('timeout', `the runtime did not answer '${method}' within ${timeoutMs} ms; it was stopped`);
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, method, timer });
      this.#child.stdin!.write(line);
    });
    const schema = METHOD_SCHEMAS[method].result();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new BridgeError(
        'malformed_message',
        `the runtime's ${method} result breaks the protocol: ${formatIssues(zodIssues(parsed.error, raw)).replaceAll('\n', '; ')}`,
      );
    }
    return decodeWire(parsed.data) as MethodResult<M>;
  }

  /**
   * Asks the runtime to exit, then escalates: SIGTERM to the process group after the grace period,
   * SIGKILL after another. Resolves once the process has exited and been reaped.
   */
  async close(): Promise<void> {
    if (!this.#closing) {
      this.#closing = true;
      this.#rejectAll(this.#failure ?? new BridgeError('runtime_unreachable', 'the runtime connection was closed'));
      if (this.#exitCode === null && this.#child.exitCode === null && this.#child.signalCode === null) {
        if (!this.#failure && this.#child.stdin!.writable) this.#child.stdin!.end(`${JSON.stringify({ type: 'shutdown' })}\n`);
        else this.#signal('SIGTERM');
        const grace = this.#options.shutdownGraceMs;
        const term = setTimeout(() => this.#signal('SIGTERM'), grace);
        const kill = setTimeout(() => this.#signal('SIGKILL'), grace * 2);
        await this.#exited;
        clearTimeout(term);
        clearTimeout(kill);
      }
    }
    await this.#exited;
    // The group may hold children the shell forked; make sure none outlives the leader.
    this.#signal('SIGKILL');
  }

  /** Synchronous last resort (process exit hook): SIGKILL the group. */
  killNow(): void {
    this.#signal('SIGKILL');
  }

  #signal(signal: NodeJS.Signals): void {
    const pid = this.#child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  #stderrHint(): string {
    const tail = this.#stderrTail.trim().split('\n').at(-1)?.trim();
    return tail ? ` (last stderr line: ${redactText(tail).slice(0, 200)})` : '';
  }

  #waitForHello(): Promise<Hello> {
    return new Promise((resolve, reject) => {
      if (this.#failure) return reject(this.#failure);
      const timer = setTimeout(() => {
        this.#fail('timeout', `the runtime sent no hello within ${this.#options.helloTimeoutMs} ms; it was stopped`);
      }, this.#options.helloTimeoutMs);
      this.#onHello = {
        resolve: (hello) => {
          clearTimeout(timer);
          resolve(hello);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  #onData(chunk: Buffer): void {
    if (this.#failure) return;
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, chunk]) : chunk;
    for (;;) {
      const newline = this.#buffer.indexOf(0x0a);
      if (newline === -1) break;
      const line = this.#buffer.subarray(0, newline);
      this.#buffer = this.#buffer.subarray(newline + 1);
      if (line.length > this.#options.maxMessageBytes) {
        this.#oversized(line.length);
        return;
      }
      this.#onLine(line.toString('utf8').replace(/\r$/, ''));
      if (this.#failure) return;
    }
    if (this.#buffer.length > this.#options.maxMessageBytes) this.#oversized(this.#buffer.length);
  }

  #oversized(bytes: number): void {
    this.#fail(
      'oversized_message',
      `the runtime sent a message of more than ${this.#options.maxMessageBytes} bytes (${bytes} so far); it was stopped`,
    );
  }

  #onLine(line: string): void {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      this.#fail('malformed_message', `the runtime wrote a line that is not JSON: ${JSON.stringify(redactText(line.slice(0, 60)))}`);
      return;
    }
    if (!this.#hello) {
      this.#acceptHello(json);
      return;
    }
    const parsed = runtimeMessageSchema().safeParse(json);
    if (!parsed.success) {
      this.#fail(
        'malformed_message',
        `the runtime wrote a message that is not a protocol response: ${formatIssues(zodIssues(parsed.error, json)).replaceAll('\n', '; ')}`,
      );
      return;
    }
    const message = parsed.data;
    const pending = this.#pending.get(message.id);
    if (!pending) {
      this.#fail('malformed_message', `the runtime answered an unknown request id '${redactText(message.id.slice(0, 64))}'`);
      return;
    }
    this.#pending.delete(message.id);
    clearTimeout(pending.timer);
    if ('error' in message) {
      const failure: BridgeFailure = message.error.type === 'model_not_found' ? 'model_not_loaded' : 'runtime_error';
      pending.reject(
        new BridgeError(failure, `the runtime refused '${pending.method}' (${message.error.type}): ${redactText(message.error.message)}`),
      );
    } else {
      pending.resolve(message.result);
    }
  }

  #acceptHello(json: unknown): void {
    const parsed = helloSchema().safeParse(json);
    if (!parsed.success) {
      this.#fail(
        'runtime_unreachable',
        `the runtime's first line is not a worldforge-bridge hello: ${formatIssues(zodIssues(parsed.error, json)).replaceAll('\n', '; ')}`,
      );
      return;
    }
    if (parsed.data.protocol_version !== BRIDGE_PROTOCOL_VERSION) {
      this.#fail(
        'runtime_unreachable',
        `the runtime speaks worldforge-bridge version ${parsed.data.protocol_version}; this client speaks ${BRIDGE_PROTOCOL_VERSION}`,
      );
      return;
    }
    this.#hello = parsed.data;
    this.#onHello?.resolve(parsed.data);
  }

  #rejectAll(error: Error): void {
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pending.clear();
  }

  /** Records the first failure, rejects everything waiting, and stops the runtime. */
  #fail(failure: BridgeFailure, message: string): void {
    if (this.#failure) return;
    this.#failure = new BridgeError(failure, message);
    this.#onHello?.reject(this.#failure);
    this.#rejectAll(this.#failure);
    this.#signal('SIGTERM');
    const kill = setTimeout(() => this.#signal('SIGKILL'), this.#options.shutdownGraceMs);
    void this.#exited.then(() => clearTimeout(kill));
  }
}
