import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EnvConfig, loadConfig } from '@loyalty/engine/config';
import { describe, expect, it } from 'vitest';
import { ChannelConfig, loadChannelConfig } from '../src/channels';

// The server's settings and the worker's message channels are read by different processes; the
// one .env.example documents both.
describe('.env.example', () => {
  const example = fs.readFileSync(fileURLToPath(new URL('../../.env.example', import.meta.url)), 'utf8');

  it('documents every variable and only those', () => {
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual([...Object.keys(EnvConfig.shape), ...Object.keys(ChannelConfig.shape)].sort());
  });

  it('holds values that are valid as they stand', () => {
    const values = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => loadConfig(values)).not.toThrow();
    expect(loadChannelConfig(values)).toEqual({});
  });
});
