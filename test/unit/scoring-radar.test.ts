// Radar geometry: first axis straight up, clockwise, in screen coordinates (y down).
import { describe, it, expect } from 'vitest';
import { radarPoints, svgPoints, type Point } from '../../src/scoring/index.ts';

const close = (actual: Point | undefined, x: number, y: number) => {
  expect(actual?.x).toBeCloseTo(x, 9);
  expect(actual?.y).toBeCloseTo(y, 9);
};

describe('radarPoints', () => {
  // Four axes around (100, 100), radius 50: up, right, down, left.
  const g = radarPoints([100, 50, null, 0], 100, 100, 50);

  it('puts the axis ends on the circle, first straight up then clockwise', () => {
    close(g.axes[0], 100, 50);
    close(g.axes[1], 150, 100);
    close(g.axes[2], 100, 150);
    close(g.axes[3], 50, 100);
  });

  it('scales the polygon by value / 100, null drawn at the centre', () => {
    close(g.polygon[0], 100, 50); // 100 → full radius
    close(g.polygon[1], 125, 100); // 50 → half radius to the right
    close(g.polygon[2], 100, 100); // null → centre
    close(g.polygon[3], 100, 100); // 0 → centre
  });

  it('places labels 1.15 × radius out, anchored away from the centre', () => {
    close(g.labels[0], 100, 42.5);
    close(g.labels[1], 157.5, 100);
    close(g.labels[3], 42.5, 100);
    expect(g.labels.map((l) => l.anchor)).toEqual(['middle', 'start', 'middle', 'end']);
  });

  it('accepts a custom label distance', () => {
    close(radarPoints([0, 0, 0], 0, 0, 10, { labelRadius: 20 }).labels[0], 0, -20);
  });

  it('draws grid rings at 25, 50, 75 and 100', () => {
    expect(g.rings.map((r) => r.value)).toEqual([25, 50, 75, 100]);
    close(g.rings[0]?.points[0], 100, 87.5); // 25 % of 50 above the centre
    close(g.rings[3]?.points[1], 150, 100);
    for (const ring of g.rings) expect(ring.points).toHaveLength(4);
  });

  it('spaces n axes evenly: the second of three axes points down-right at 120°', () => {
    const tri = radarPoints([100, 100, 100], 0, 0, 10);
    // (sin 120°, −cos 120°) × 10 = (8.660…, 5)
    close(tri.axes[1], 10 * Math.sin((2 * Math.PI) / 3), 5);
    close(tri.axes[2], -10 * Math.sin((2 * Math.PI) / 3), 5);
  });

  it('clamps values out of 0-100 to the chart', () => {
    const c = radarPoints([150, -20], 0, 0, 10);
    close(c.polygon[0], 0, -10);
    close(c.polygon[1], 0, 0);
  });

  it('returns empty lists for no axis', () => {
    const none = radarPoints([], 0, 0, 10);
    expect(none.axes).toEqual([]);
    expect(none.polygon).toEqual([]);
    expect(none.rings.every((r) => r.points.length === 0)).toBe(true);
  });
});

describe('svgPoints', () => {
  it('formats points for an SVG polygon', () => {
    expect(svgPoints([{ x: 1, y: 2.004 }, { x: 100 / 3, y: 0 }])).toBe('1.00,2.00 33.33,0.00');
  });
});
