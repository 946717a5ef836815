import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { readCpuSeconds, readTreeCpuSeconds } from './procs.ts';

/** A shared service a setup relies on (Redis, PostgreSQL), whose CPU the bench reports beside the servers'. */
export interface InfraProcess {
  name: string;
  pid: number;
  cpuSeconds(): number;
}

const parentOf = (pid: number): number =>
  Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

const readable = (read: () => number): boolean => {
  try {
    return Number.isFinite(read());
  } catch {
    return false;
  }
};

/**
 * Redis (its server's pid from INFO) and PostgreSQL (the postmaster, the parent of this connection's backend,
 * with every backend and helper process under it), when they run on this machine and /proc shows them. Missing
 * ones are left out, with the reason in `skipped`. Both serve whoever else uses them meanwhile too.
 */
export async function findInfraProcesses(
  postgresUrl: string,
  redisUrl: string,
): Promise<{ processes: InfraProcess[]; skipped: string[] }> {
  const processes: InfraProcess[] = [];
  const skipped: string[] = [];

  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
    const cpu = (): number => readCpuSeconds(pid);
    if (readable(cpu)) processes.push({ name: 'redis', pid, cpuSeconds: cpu });
    else skipped.push(`redis: pid ${pid} not in /proc (another machine?)`);
  } catch (error) {
    skipped.push(`redis: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    redis.disconnect();
  }

  const client = new pg.Client({ connectionString: postgresUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const backend = rows[0]!.pid;
    const pid = readable(() => readCpuSeconds(backend)) ? parentOf(backend) : NaN;
    const cpu = (): number => readTreeCpuSeconds(pid);
    if (readable(cpu)) processes.push({ name: 'postgres', pid, cpuSeconds: cpu });
    else skipped.push(`postgres: backend ${backend} not in /proc (another machine?)`);
  } catch (error) {
    skipped.push(`postgres: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  return { processes, skipped };
}
