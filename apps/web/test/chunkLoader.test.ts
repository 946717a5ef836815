import { describe, expect, it } from 'vitest';
import { chunkLoader } from '../src/hooks/chunkLoader.ts';

describe('chunkLoader', () => {
  it('fetches the chunk once and then has it at hand synchronously', async () => {
    let fetches = 0;
    const loader = chunkLoader(async () => {
      fetches += 1;
      return 'editor';
    });
    expect(loader.current()).toBeUndefined();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect([a, b]).toEqual(['editor', 'editor']);
    expect(loader.current()).toBe('editor');
    await loader.load();
    expect(fetches).toBe(1);
  });

  it('asks again after a failed fetch instead of keeping the failure', async () => {
    let fetches = 0;
    const loader = chunkLoader(async () => {
      fetches += 1;
      if (fetches === 1) throw new Error('network down');
      return 'editor';
    });
    await expect(loader.load()).rejects.toThrow('network down');
    expect(loader.current()).toBeUndefined();
    await expect(loader.load()).resolves.toBe('editor');
    expect(fetches).toBe(2);
  });
});
