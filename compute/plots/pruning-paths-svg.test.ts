import { describe, expect, it } from 'vitest';
import { pruningPathsSvg, type PlottedRun } from './pruning-paths-svg';

const run = (label: string, strategy: string, path: [number, number][], kept: [number, number]): PlottedRun => ({
  label,
  strategy,
  path: path.map(([sparsity, value]) => ({ sparsity, value })),
  kept: { sparsity: kept[0], value: kept[1] },
});

const circles = (svg: string, cls = '') =>
  [...svg.matchAll(new RegExp(`<circle ${cls}cx="([\\d.]+)" cy="([\\d.]+)" r="7"`, 'g'))].map((m) => [Number(m[1]), Number(m[2])]);

describe('pruning paths plot', () => {
  it('puts each kept model where its sparsity and balanced accuracy say', () => {
    // Plot area: x from 70 to 720 (980 − 260), y from 544 (600 − 56) up to 44.
    const svg = pruningPathsSvg(
      [
        run(
          'a',
          'dash',
          [
            [0.5, 0.6],
            [0.9, 0.8],
          ],
          [0.9, 0.8],
        ),
        run('b', 'imp', [[0.75, 0.75]], [0.75, 0.75]),
      ],
      { title: 'T <1>' },
    );
    expect(circles(svg, 'class="kept" ')).toEqual([
      [70 + 0.9 * 650, 544 - 0.6 * 500],
      [70 + 0.75 * 650, 544 - 0.5 * 500],
    ]);
    expect(svg.match(/<polyline/g)).toHaveLength(1); // a path of one level draws no line
    expect(svg).toContain('#c0392b'); // DASH's colour
    expect(svg).toContain('T &lt;1&gt;');
    expect(svg).toContain('a (0.900, 0.800)');
  });

  it('zooms with xMin and leaves out what falls outside; draws the guide lines', () => {
    const svg = pruningPathsSvg(
      [
        run(
          'a',
          'dash',
          [
            [0.2, 0.55],
            [0.8, 0.85],
            [0.9, 0.9],
          ],
          [0.2, 0.55],
        ),
      ],
      { title: 't', xMin: 0.7, guide: { sparsity: 0.94, value: 0.9 } },
    );
    expect(circles(svg, 'class="kept" ')).toEqual([]);
    const line = svg.match(/<polyline[^>]*points="([^"]+)"/)![1].split(' ');
    expect(line).toHaveLength(2);
    expect(Number(line[0].split(',')[0])).toBeCloseTo(70 + ((0.8 - 0.7) / 0.3) * 650, 1);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
    expect(svg).toContain(`x1="${(70 + ((0.94 - 0.7) / 0.3) * 650).toFixed(1)}"`);
  });

  it('plots another measure on its own axis range and label', () => {
    // Relative validation loss from 0.9 to 1.5: y = 544 − (v − 0.9) / 0.6 · 500.
    const svg = pruningPathsSvg(
      [
        run(
          'a',
          'dash',
          [
            [0.8, 1.2],
            [0.9, 1.0],
            [0.95, 1.6],
          ],
          [0.9, 1.0],
        ),
      ],
      { title: 't', yMin: 0.9, yMax: 1.5, yLabel: 'val MSE / lowest' },
    );
    const [kept] = circles(svg, 'class="kept" ');
    expect(kept[0]).toBeCloseTo(70 + 0.9 * 650, 1);
    expect(kept[1]).toBeCloseTo(544 - (0.1 / 0.6) * 500, 1);
    expect(svg.match(/<polyline[^>]*points="([^"]+)"/)![1].split(' ')).toHaveLength(2); // 1.6 is off the axis
    expect(svg).toContain('>val MSE / lowest</text>');
  });
});
