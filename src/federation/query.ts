// The federation dashboard's selection, as its links carry it: search, filters, sort key and
// direction, and the page (a keyset cursor). Shared by the page and its CSV export. Pure. Unknown
// values are ignored rather than refused: these are links people edit and share.
import { z } from 'zod';
import { LIVE_STATUSES, type DiagnosticStatus } from '../diagnostics/status.ts';
import { BANDS, type BandId } from '../scoring/index.ts';
import { MAX_LENGTH } from '../validation/limits.ts';
import { encodeCursor, pageCursor, type Cursor } from '../keyset.ts';

/**
 * `submitted`: a diagnostic awaits review, whether or not it is the latest (a newer draft does not
 * hide it); the other statuses look at the latest diagnostic; `none`: no diagnostic at all;
 * `stale`: none started in the last 12 months. Archived diagnostics are never a structure's latest
 * (latestDiagnosticId): no filter for them.
 */
export type StatusFilter = Exclude<DiagnosticStatus, 'archived'> | 'none' | 'stale';
export const STATUS_FILTERS: readonly StatusFilter[] = [...LIVE_STATUSES, 'none', 'stale'];

/** The latest diagnostic's maturity band, or no score yet. */
export type BandFilter = BandId | 'none';
export const BAND_FILTERS: readonly BandFilter[] = [...BANDS.map((b) => b.id), 'none'];

/** Plan progress (done actions over actions, dropped ones left out): no action yet, or by quarter. */
export const PROGRESS_FILTERS = ['none', 'q1', 'q2', 'q3', 'q4'] as const;
export type ProgressFilter = (typeof PROGRESS_FILTERS)[number];

/** `pending`: the oldest diagnostic awaiting review first (how long it has waited). */
export const SORT_KEYS = ['name', 'region', 'status', 'date', 'score', 'progress', 'overdue', 'pending'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export type { Cursor } from '../keyset.ts';

/** The longest search accepted (a name or a SIRET); longer text is cut. */
export const MAX_SEARCH = MAX_LENGTH.filter;
/** Rows of a page of the dashboard. */
export const PAGE_SIZE = 50;

export interface FederationQuery {
  /** Words of the name (starts of words), or the start of a SIRET. */
  q?: string;
  region?: string;
  type?: string;
  status?: StatusFilter;
  band?: BandFilter;
  progress?: ProgressFilter;
  /** Only structures whose latest plan has an open action past its due date. */
  overdue?: boolean;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** The page after this row… */
  after?: Cursor;
  /** …or the page before it. */
  before?: Cursor;
}

const querySchema = z.object({
  q: z.string().optional().catch(undefined),
  region: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(20).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS as [string, ...string[]]).optional().catch(undefined),
  band: z.enum(BAND_FILTERS as [string, ...string[]]).optional().catch(undefined),
  progress: z.enum(PROGRESS_FILTERS).optional().catch(undefined),
  overdue: z.string().optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  after: z.string().optional().catch(undefined),
  before: z.string().optional().catch(undefined),
});

export function parseFederationQuery(params: Record<string, string>): FederationQuery {
  const q = querySchema.parse(params);
  const search = q.q?.slice(0, MAX_SEARCH).trim();
  const page = pageCursor(q);
  return {
    q: search || undefined,
    region: q.region || undefined,
    type: q.type || undefined,
    status: (q.status || undefined) as FederationQuery['status'],
    band: (q.band || undefined) as FederationQuery['band'],
    progress: (q.progress || undefined) as FederationQuery['progress'],
    overdue: q.overdue === '1' || undefined,
    sort: q.sort,
    dir: q.dir,
    ...page,
  };
}

/** The query's parameters for a link, with some changed; empty ones and the page left out unless given. */
export function federationParams(q: FederationQuery, change: Partial<FederationQuery> = {}): URLSearchParams {
  const m = { ...q, after: undefined, before: undefined, ...change };
  const p = new URLSearchParams();
  if (m.q) p.set('q', m.q);
  if (m.region) p.set('region', m.region);
  if (m.type) p.set('type', m.type);
  if (m.status) p.set('status', m.status);
  if (m.band) p.set('band', m.band);
  if (m.progress) p.set('progress', m.progress);
  if (m.overdue) p.set('overdue', '1');
  if (m.sort !== 'name' || m.dir !== 'asc') {
    p.set('sort', m.sort);
    p.set('dir', m.dir);
  }
  if (m.after) p.set('after', encodeCursor(m.after));
  else if (m.before) p.set('before', encodeCursor(m.before));
  return p;
}
