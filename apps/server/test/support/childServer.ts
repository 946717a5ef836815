import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ChildServer {
  process: ChildProcess;
  url: string;
  wsUrl: string;
  exited: Promise<number | null>;
}

/**
 * Runs the real server entry in its own process and resolves once it listens: the TypeScript source, or a
 * built bundle (`script`) as `npm start` runs it.
 */
export function startChildServer(env: Record<string, string>, script?: string): Promise<ChildServer> {
  const args = script ? ['--enable-source-maps', script] : ['--import', 'tsx', MAIN];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', AUTH_RATE_LIMIT_MAX: '10000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ process: child, url: match[1]!, wsUrl: `ws://127.0.0.1:${match[2]}/collab`, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${output}`)));
  });
}
