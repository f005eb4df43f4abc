// How a person is named on pages, in the PDF and in CSV files: one rule for everyone who did
// something (answered, remarked, validated). A deactivated account keeps its name (what they did
// stays theirs); a deleted one reads « utilisateur supprimé », or, for someone who acted for the
// federation (a remark, a validation), « un·e conseiller·ère dont le compte a été supprimé »; when
// nobody is recorded there is no name (null): the caller says what its context shows instead
// (« la fédération » on a validation stamp, an empty CSV cell).
// The database returns name and `deleted`; only this module turns them into words.
import { t } from './i18n/index.ts';

export interface Person {
  name: string;
  deleted: boolean;
}

/** On whose behalf the person acted: the structure's team, or the federation (review, validation). */
export type ActedFor = 'team' | 'federation';

export function personName(person: Person | null | undefined, actedFor: ActedFor = 'team'): string | null {
  if (!person) return null;
  if (!person.deleted) return person.name;
  return actedFor === 'federation' ? t.common.formerConsultant : t.common.deletedUser;
}

/** The author columns a query returns (name, deleted) as a Person, or null when nobody is recorded. */
export function authorOf(row: { authorName: string | null; authorDeleted: boolean }): Person | null {
  return row.authorName === null ? null : { name: row.authorName, deleted: row.authorDeleted };
}

/** Who attached an evidence file (the uploader columns of src/db/evidence.ts), or null. */
export function uploaderOf(row: { uploaderName: string | null; uploaderDeleted: boolean }): Person | null {
  return row.uploaderName === null ? null : { name: row.uploaderName, deleted: row.uploaderDeleted };
}
