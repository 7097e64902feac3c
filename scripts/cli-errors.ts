/**
 * How the CLI fails: never with a bare stack trace. File-system errors become a short reason,
 * an unexpected error becomes one line plus a hint (the stack only with `WORLDFORGE_DEBUG=1`), and
 * a closed stdout or stderr (`worldforge … | head`) ends the process quietly instead of throwing
 * EPIPE. Kept out of bin/ so any entry point that calls `main()` gets the same behaviour.
 */
import { redactText } from '../src/worldforge/redaction.ts';

const IO_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a parent is not a folder',
  ENOSPC: 'no space left on the device',
  EEXIST: 'it already exists',
};

/** The errno code of a file-system error, if it is one. */
export const ioCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
};

/** A file-system error as a short reason (`permission denied (EACCES)`), never a stack. */
export function ioReason(error: unknown): string {
  const code = ioCode(error);
  if (code) return IO_REASONS[code] ? `${IO_REASONS[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}

/** The environment variable that makes unexpected errors print their stack. */
export const DEBUG_ENV = 'WORLDFORGE_DEBUG';

/**
 * The message of an error nothing else handled: one line (its first), then a hint; the stack only
 * when `WORLDFORGE_DEBUG=1`. Paths under the repository are shown relative to it.
 */
export function unexpectedMessage(error: unknown, root: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const debug = env[DEBUG_ENV] === '1';
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const first = redactText((message.split('\n')[0] ?? '').replaceAll(root.replace(/\/?$/, '/'), '').slice(0, 500));
  const lines = [`worldforge: unexpected error: ${first}`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  else
    lines.push(
      `This is a bug or an unusual environment. Re-run with ${DEBUG_ENV}=1 for the stack trace, and report it with the command you ran.`,
    );
  return `${lines.join('\n')}\n`;
}

let guarded = false;

/**
 * Ends the process quietly when stdout or stderr is closed by its reader (EPIPE, as with `| head`):
 * the reader has what it wanted, and there is nobody left to tell. Other stream errors are rethrown.
 * Idempotent, so tests and several entry points may call it.
 */
export function exitQuietlyOnBrokenPipe(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}
