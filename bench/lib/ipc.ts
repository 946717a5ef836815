import type { ChildProcess } from 'node:child_process';
import { sleep } from './clock.ts';
import { exited, forkTs, stopProcess } from './procs.ts';

interface Waiter {
  type: string;
  resolve: (message: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A forked bench child spoken to over IPC. `next(type)` waits for the next message of that type;
 * a child that reports `{type:'error'}` or exits first rejects every waiter.
 */
export class ChildHandle<In extends { type: string }, Out extends { type: string }> {
  readonly child: ChildProcess;
  private readonly inbox: Out[] = [];
  private readonly waiters: Waiter[] = [];
  private failure: Error | null = null;

  constructor(
    script: string,
    private readonly name: string,
  ) {
    this.child = forkTs(script, []);
    this.child.on('message', (message: Out) => {
      if (message.type === 'error') {
        this.fail(new Error(`${this.name}: ${(message as unknown as { message: string }).message}`));
        return;
      }
      const index = this.waiters.findIndex((w) => w.type === message.type);
      if (index === -1) {
        this.inbox.push(message);
        return;
      }
      const [waiter] = this.waiters.splice(index, 1);
      clearTimeout(waiter!.timer);
      waiter!.resolve(message);
    });
    this.child.once('exit', (code, signal) => this.fail(new Error(`${this.name} exited (${code ?? signal})`)));
    this.child.once('error', (error) => this.fail(error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(this.failure);
    }
  }

  send(message: In): void {
    if (!this.child.connected) throw this.failure ?? new Error(`${this.name} is not connected`);
    this.child.send(message);
  }

  next<T extends Out['type']>(type: T, timeoutMs: number): Promise<Extract<Out, { type: T }>> {
    const index = this.inbox.findIndex((m) => m.type === type);
    if (index !== -1) return Promise.resolve(this.inbox.splice(index, 1)[0] as Extract<Out, { type: T }>);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        type,
        resolve: resolve as (message: unknown) => void,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(new Error(`${this.name}: no '${type}' within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Asks the child to close (if `closeMessage`), then makes sure it is gone. */
  async close(closeMessage?: In): Promise<void> {
    if (closeMessage && this.child.connected) {
      try {
        this.child.send(closeMessage);
      } catch {
        // exiting anyway
      }
    }
    await Promise.race([exited(this.child), sleep(closeMessage ? 3000 : 0)]);
    await stopProcess(this.child, 'SIGKILL', 2000);
  }
}
