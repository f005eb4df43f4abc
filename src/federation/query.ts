// The federation dashboard's selection, as its links carry it: filters, sort key and direction.
// Shared by the page and its CSV export. Pure. Unknown values are ignored rather than refused:
// these are links people edit and share.
import { z } from 'zod';
import { LIVE_STATUSES, type DiagnosticStatus } from '../diagnostics/status.ts';

// Archived diagnostics are never a structure's latest (latestDiagnosticId): no filter for them.
export type StatusFilter = Exclude<DiagnosticStatus, 'archived'> | 'none' | 'stale';
export const STATUS_FILTERS: readonly StatusFilter[] = [...LIVE_STATUSES, 'none', 'stale'];
export const SORT_KEYS = ['name', 'region', 'status', 'date', 'score', 'progress', 'overdue'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface FederationQuery {
  region?: string;
  type?: string;
  status?: StatusFilter;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

const querySchema = z.object({
  region: z.string().trim().max(100).optional().catch(undefined),
  type: z.string().trim().max(20).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS as [string, ...string[]]).optional().catch(undefined),
  sort: z.enum(SORT_KEYS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});

export function parseFederationQuery(params: Record<string, string>): FederationQuery {
  const q = querySchema.parse(params);
  return {
    region: q.region || undefined,
    type: q.type || undefined,
    status: (q.status || undefined) as FederationQuery['status'],
    sort: q.sort,
    dir: q.dir,
  };
}
