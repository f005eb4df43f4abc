// Geometry of the n-axis radar chart, shared by the SVG view and the PDF so that both draw the
// same figure. Screen coordinates (y grows downwards), which is what SVG and pdfkit both use.

export interface Point {
  x: number;
  y: number;
}

/** Where a label's text should hang from its anchor point, in SVG `text-anchor` terms. */
export type TextAnchor = 'start' | 'middle' | 'end';

export interface LabelPoint extends Point {
  anchor: TextAnchor;
}

export interface RadarRing {
  /** Score the ring stands for (25, 50, 75, 100). */
  value: number;
  points: Point[];
}

export interface RadarGeometry {
  /** End of each axis, at full radius (score 100). */
  axes: Point[];
  /** Where each axis label goes, a little beyond the axis end. */
  labels: LabelPoint[];
  /** The values' polygon. */
  polygon: Point[];
  rings: RadarRing[];
}

export const RADAR_RINGS = [25, 50, 75, 100] as const;

export interface RadarOptions {
  /** Distance of the label anchors from the centre; default 1.15 × radius. */
  labelRadius?: number;
}

/** Labels this close to the vertical axis (in pixels or points) are centred. */
const CENTRED_TOLERANCE = 1e-6;

/**
 * Axis i of n points at angle 2πi/n, measured clockwise from straight up. Values are scores
 * 0-100; null (no score) is drawn at the centre, and values out of range are clamped so that a
 * bad input cannot draw outside the chart.
 */
export function radarPoints(values: readonly (number | null)[], cx: number, cy: number, radius: number, options: RadarOptions = {}): RadarGeometry {
  const n = values.length;
  const labelRadius = options.labelRadius ?? radius * 1.15;
  const directions = values.map((_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return { dx: Math.sin(angle), dy: -Math.cos(angle) };
  });
  const at = (d: { dx: number; dy: number }, r: number): Point => ({ x: cx + d.dx * r, y: cy + d.dy * r });

  return {
    axes: directions.map((d) => at(d, radius)),
    labels: directions.map((d) => {
      const p = at(d, labelRadius);
      const anchor: TextAnchor = Math.abs(d.dx) < CENTRED_TOLERANCE ? 'middle' : d.dx > 0 ? 'start' : 'end';
      return { ...p, anchor };
    }),
    polygon: directions.map((d, i) => {
      const v = Math.min(100, Math.max(0, values[i] ?? 0));
      return at(d, (radius * v) / 100);
    }),
    rings: RADAR_RINGS.map((value) => ({ value, points: directions.map((d) => at(d, (radius * value) / 100)) })),
  };
}

/** "x1,y1 x2,y2 …" for an SVG `points` attribute, two decimals being finer than any screen. */
export function svgPoints(points: readonly Point[]): string {
  return points.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
}
