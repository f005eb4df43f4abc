// What the federation page and its CSV export share besides the query (src/federation/query.ts):
// the theme headings of their tables.
import type { Db } from '../db/open.ts';
import { defaultReferentialId, getReferential } from '../referential/store.ts';
import { THEME_SLUGS } from '../referential/schema.ts';

export interface ThemeHead {
  slug: string;
  title: string;
}

/** Theme titles of the default referential, in order, for table headings. */
export function themeHeads(db: Db): ThemeHead[] {
  const id = defaultReferentialId(db);
  const ref = id ? getReferential(db, id) : undefined;
  return THEME_SLUGS.map((slug) => ({ slug, title: ref?.themes.find((th) => th.slug === slug)?.title ?? slug }));
}
