import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * Real processes for the reminder suites: a private redis-server per test file (so that FLUSHALL and a
 * stopped Redis disturb no other suite) and reminder workers started as `main.ts --role=worker` would be in
 * production. Every process started here is killed when the test process exits, whatever happened.
 */
const ROOT = resolve(__dirname, '../..');
const OUTPUT_LINES = 300;
const started = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A child process whose recent output is kept, to explain a failing test. */
export class Spawned {
  private readonly lines: string[] = [];
  private readonly exited: Promise<void>;
  private partial = '';

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    started.add(child);
    this.exited = new Promise((done) =>
      child.once('exit', () => {
        started.delete(child);
        done();
      }),
    );
    const keep = (chunk: Buffer) => {
      const text = this.partial + chunk.toString();
      const parts = text.split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
      if (this.lines.length > OUTPUT_LINES) this.lines.splice(0, this.lines.length - OUTPUT_LINES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return [...this.lines, this.partial].join('\n');
  }

  /** Resolves once a line matches; fails with the output when the process exits or time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output())) {
      if (!this.running) throw new Error(`${this.name} exited before ${pattern}:\n${this.output()}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name}: no ${pattern} in ${timeoutMs} ms:\n${this.output()}`);
      await sleep(50);
    }
  }

  /** Sends the signal and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** Asks it to shut down (SIGTERM); kills it when it has not gone within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** A redis-server of the test file's own, without persistence: a restart starts it empty. */
export class PrivateRedis {
  private process?: Spawned;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port. */
  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.process = new Spawned(`redis-server:${this.port}`, child);
    await this.process.waitForOutput(/Ready to accept connections/, 10_000);
  }

  /** Stops it abruptly, as a crash would. */
  async kill(): Promise<void> {
    await this.process?.kill('SIGKILL');
  }
}

export interface WorkerOptions {
  redisUrl: string;
  /** REMINDER_SWEEP_INTERVAL of the worker. */
  sweepInterval: string;
}

/**
 * A reminder worker as `npm run start:worker` runs it, from the sources: the run's database, the given
 * Redis and this test file's queue prefix. Resolves once it has booted (its sweep registered).
 */
export async function startWorker(name: string, options: WorkerOptions): Promise<Spawned> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/main.ts', '--role=worker'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        NO_COLOR: '1',
        DATABASE_URL: process.env.DATABASE_URL,
        DATABASE_POOL_SIZE: '5',
        REDIS_URL: options.redisUrl,
        QUEUE_PREFIX: process.env.QUEUE_PREFIX,
        REMINDER_SWEEP_INTERVAL: options.sweepInterval,
        // Its start-up line is what tells the test it has booted.
        LOG_LEVEL: 'info',
      },
    },
  );
  const worker = new Spawned(name, child);
  // Generous: several of them compiling the sources at once on a small, busy machine take a while.
  await worker.waitForOutput(/worker started/, 60_000);
  return worker;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
