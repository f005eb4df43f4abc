// The radar chart of the theme scores, drawn on the server as SVG: no script, no chart library.
// The geometry comes from radarPoints() (src/scoring/radar.ts), which the PDF uses too, so both
// draw the same figure. The data table beside it is the accessible alternative and the print one.
import type { Child } from 'hono/jsx';
import { radarPoints, svgPoints, type LabelPoint } from '../src/scoring/index.ts';
import { t } from '../src/i18n/index.ts';
import { TableRegion } from './table.tsx';

export interface RadarItem {
  label: string;
  /** 0-100, unrounded; null when the axis has no score (drawn at the centre). */
  value: number | null;
}

/** Drawing box (SVG user units). Wide enough for side labels of about 20 characters a line. */
export const RADAR_LAYOUT = { width: 600, height: 440, cx: 300, cy: 225, radius: 135, labelGap: 16, lineHeight: 15, labelChars: 20 } as const;

const COLORS = { ring: '#c5cbd6', axis: '#8a93a5', area: '#0b5e75', reference: '#b5451b', text: '#1d2330', muted: '#4f5768' };

/** Splits a label into lines of at most `max` characters, on spaces (a longer word keeps its line). */
export function wrapLabel(text: string, max: number = RADAR_LAYOUT.labelChars): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Baseline of the first line so that a block of `n` lines sits outside the chart at `p`. */
function firstBaseline(p: LabelPoint, cy: number, n: number, lh: number): number {
  if (p.y < cy - 1) return p.y - (n - 1) * lh - 4; // above the chart: the block grows upwards
  if (p.y > cy + 1) return p.y + lh - 2; // below: it hangs down
  return p.y - ((n - 1) * lh) / 2 + 4; // beside: centred on the axis
}

/** A second series drawn dashed under the first: the peers' averages, when shown. */
export interface RadarReference {
  label: string;
  values: readonly (number | null)[];
}

export interface RadarChartProps {
  items: readonly RadarItem[];
  reference?: RadarReference | null;
  /** Unique per page: ids of <title> and <desc> derive from it. */
  id?: string;
  title?: string;
}

export function RadarChart({ items, reference, id = 'radar', title = t.results.radarSvgTitle }: RadarChartProps) {
  const L = RADAR_LAYOUT;
  const g = radarPoints(
    items.map((i) => i.value),
    L.cx,
    L.cy,
    L.radius,
    { labelRadius: L.radius + L.labelGap },
  );
  const shown = (v: number | null) => (v === null ? t.results.noScore : t.results.pct(v));
  const desc =
    t.results.radarDesc(items.map((i) => `${i.label}\u00a0: ${shown(i.value)}`).join('\u202f; ')) +
    (reference ? ` ${t.results.radarReferenceDesc(reference.label, items.map((i, k) => `${i.label}\u00a0: ${shown(reference.values[k] ?? null)}`).join('\u202f; '))}` : '');
  const ref = reference ? radarPoints(reference.values, L.cx, L.cy, L.radius) : null;
  const top = g.axes[0];
  return (
    <svg
      class="radar"
      viewBox={`0 0 ${L.width} ${L.height}`}
      width={L.width}
      height={L.height}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g class="radar__rings" fill="none" stroke={COLORS.ring} stroke-width="1">
        {g.rings.map((ring) => (
          <polygon class="radar__ring" points={svgPoints(ring.points)} />
        ))}
      </g>
      <g class="radar__axes" stroke={COLORS.axis} stroke-width="1">
        {g.axes.map((a) => (
          <line class="radar__axis" x1={L.cx} y1={L.cy} x2={a.x.toFixed(2)} y2={a.y.toFixed(2)} />
        ))}
      </g>
      {top && (
        <g class="radar__ring-labels" fill={COLORS.muted} font-size="10" aria-hidden="true">
          {g.rings.map((ring) => {
            const p = ring.points[0]!;
            return (
              <text x={(p.x + 4).toFixed(2)} y={(p.y + 11).toFixed(2)}>
                {String(ring.value)}
              </text>
            );
          })}
        </g>
      )}
      {ref && <polygon class="radar__reference" points={svgPoints(ref.polygon)} fill="none" stroke={COLORS.reference} stroke-width="2" stroke-dasharray="6 4" />}
      <polygon class="radar__area" points={svgPoints(g.polygon)} fill={COLORS.area} fill-opacity="0.22" stroke={COLORS.area} stroke-width="2.5" stroke-linejoin="round" />
      <g class="radar__points" fill={COLORS.area}>
        {g.polygon.map((p) => (
          <circle cx={p.x.toFixed(2)} cy={p.y.toFixed(2)} r="4" />
        ))}
      </g>
      <g class="radar__labels" fill={COLORS.text} font-size="13" aria-hidden="true">
        {g.labels.map((p, i) => {
          const item = items[i]!;
          const lines = wrapLabel(item.label);
          const y0 = firstBaseline(p, L.cy, lines.length + 1, L.lineHeight);
          return (
            <text x={p.x.toFixed(2)} y={y0.toFixed(2)} text-anchor={p.anchor}>
              {lines.map((line, k) => (
                <tspan x={p.x.toFixed(2)} y={(y0 + k * L.lineHeight).toFixed(2)}>
                  {line}
                </tspan>
              ))}
              <tspan x={p.x.toFixed(2)} y={(y0 + lines.length * L.lineHeight).toFixed(2)} font-weight="700">
                {item.value === null ? t.results.noScore : t.results.pct(item.value)}
              </tspan>
            </text>
          );
        })}
      </g>
    </svg>
  );
}

export interface RadarTableRow extends RadarItem {
  href?: string;
  /** The peers' average on this axis, when shown. */
  reference?: number | null;
  /** What the score counts, shown in a third column. */
  detail?: Child;
}

/** The radar's data as a table: what screen readers, keyboard users and printers read. */
export function RadarTable({ rows, caption = t.results.radarTableCaption, referenceLabel }: { rows: readonly RadarTableRow[]; caption?: string; referenceLabel?: string }) {
  const hasDetail = rows.some((r) => r.detail !== undefined);
  return (
    <TableRegion label={caption}>
      <table class="stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.results.theme}</th>
            <th scope="col" class="num">
              {t.results.score}
            </th>
            {referenceLabel && (
              <th scope="col" class="num">
                {referenceLabel}
              </th>
            )}
            {hasDetail && <th scope="col">{t.results.coverageCol}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
              <td class="num" data-label={t.results.score}>
                {r.value === null ? t.results.noScore : t.results.pct(r.value)}
              </td>
              {referenceLabel && (
                <td class="num" data-label={referenceLabel}>
                  {r.reference === null || r.reference === undefined ? t.results.noScore : t.results.pct(r.reference)}
                </td>
              )}
              {hasDetail && <td data-label={t.results.coverageCol}>{r.detail}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
