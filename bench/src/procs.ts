/**
 * Child processes and clean-up: every server the benchmark starts is tracked here and stopped on
 * the way out, on success, failure or Ctrl-C (by its own pid, SIGTERM then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { REPO_ROOT } from './lantern';

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void> | void)[] = [];

/** Runs `fn` at clean-up (last registered, first run). */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

let cleaning: Promise<void> | null = null;
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c).catch(() => undefined)));
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`clean-up step failed: ${(err as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping servers and PostgreSQL...\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

export interface Spawned {
  child: ChildProcess;
  /** The last lines it printed (for error messages). */
  tail(): string;
}

/** Starts a process whose output is kept (last 60 lines) and printed only on failure. */
export function spawnTracked(command: string, args: string[], options: { cwd?: string; env: NodeJS.ProcessEnv; name: string }): Spawned {
  const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', () => children.delete(child));
  return { child, tail: () => lines.join('\n') };
}

/** A TypeScript file of this package, run by node with tsx's loader. */
export function spawnTs(file: string, env: NodeJS.ProcessEnv, name: string): Spawned {
  const bench = path.join(REPO_ROOT, 'bench');
  return spawnTracked(process.execPath, ['--import', 'tsx', path.join(bench, 'src', file)], { cwd: bench, env, name });
}

/** Polls `url` until it answers 200 (or the process dies, or the time runs out). */
export async function waitForHttp(url: string, spawned: Spawned, timeoutMs = 60_000, intervalMs = 100): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (spawned.child.exitCode !== null) throw new Error(`${url}: the process exited (${spawned.child.exitCode}):\n${spawned.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs / 1000} s:\n${spawned.tail()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
