import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../cli/cli-errors';
import { parseBenchArgs } from './compute';
import { DEFAULT_SIZES } from './scale';

describe('bench:compute arguments', () => {
  it('defaults to the paper protocol for three epochs', () => {
    expect(parseBenchArgs([])).toEqual({ epochs: 3, hidden: 40, solver: 'rk4', backend: 'wasm-fused' });
  });

  it('reads a list of sizes, and an empty one as the default sizes', () => {
    expect(parseBenchArgs(['--scale', '350x40, 2000x300']).scale).toEqual([
      [350, 40],
      [2000, 300],
    ]);
    expect(parseBenchArgs(['--scale', '']).scale).toEqual(DEFAULT_SIZES);
    expect(parseBenchArgs(['--scale']).scale).toEqual(DEFAULT_SIZES);
    expect(parseBenchArgs(['--scale', '--backend', 'cpu'])).toMatchObject({ scale: DEFAULT_SIZES, backend: 'cpu' });
  });

  it('reads the kept shares to time the scale rows at', () => {
    expect(parseBenchArgs(['--scale', '350x40', '--density', '1,0.3,0.05']).density).toEqual([1, 0.3, 0.05]);
  });

  it.each([
    [['--density', '0'], '--density'],
    [['--density', '1.5'], '--density'],
    [['--epochs', 'abc'], '--epochs: epochs must be a number'],
    [['--epochs', '0'], '--epochs'],
    [['--scale', '350y40'], "'350y40' is not a list of sizes"],
    [['--scale', '350x0'], "'350x0' is not a list of sizes"],
    [['--solver', 'euler'], '--solver'],
    [['--epoch', '2'], "Unknown option '--epoch'"],
  ])('refuses %j with a usage error naming the flag', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(CliUsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
