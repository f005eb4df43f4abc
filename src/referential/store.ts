// Referential versions and the services catalogue in the database. A published version never
// changes; the built-in text is stored once, and a changed built-in text becomes a new version.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { auditEvents, referentials, services, diagnostics } from '../db/schema.ts';
import { ACTION_TITLE_MAX, actionTitleProblem, referentialSchema, serviceSchema, type Referential, type Service, type StructureType } from './schema.ts';
import { serviceApplies } from '../plan/services.ts';
import { validateReferential, type ValidationContext, type ValidationResult } from './validate.ts';
import { CAP_2023 } from './cap-2023/index.ts';
import { CAP_2026 } from './cap-2026/index.ts';
import { SERVICES } from './services-data.ts';
import { audit } from '../db/audit.ts';
import { HELP_CORRECTIONS } from './corrections.ts';

export type ReferentialRow = typeof referentials.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;

/** Canonical JSON (stable key order) so that equal documents have equal checksums. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checksum(doc: unknown): string {
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}

/** The newest built-in version, the default of a new installation (CAP 2026). */
export function builtinReferential(): Referential {
  return referentialSchema.parse(CAP_2026);
}

/** Every built-in version, oldest first. */
export function builtinReferentials(): Referential[] {
  return [referentialSchema.parse(CAP_2023), referentialSchema.parse(CAP_2026)];
}

/** The question codes of a referential document (any shape: a stored document is not re-parsed). */
export function questionCodesOf(doc: unknown): Set<string> {
  const codes = new Set<string>();
  const themes = (doc as { themes?: unknown })?.themes;
  for (const th of Array.isArray(themes) ? themes : []) {
    for (const c of Array.isArray(th?.criteria) ? th.criteria : []) {
      for (const q of Array.isArray(c?.questions) ? c.questions : []) if (typeof q?.code === 'string') codes.add(q.code);
    }
  }
  return codes;
}

/** What validation may look up: the codes of the versions stored in the database, else the built-ins. */
export function validationContext(db?: Db): ValidationContext {
  return {
    versionCodes: (id) => {
      const row = db ? db.select({ document: referentials.document }).from(referentials).where(eq(referentials.id, id)).get() : undefined;
      if (row) return questionCodesOf(row.document);
      const builtin = builtinReferentials().find((r) => r.id === id);
      return builtin ? questionCodesOf(builtin) : undefined;
    },
  };
}

export function builtinServices(): Service[] {
  return SERVICES.map((s) => serviceSchema.parse(s));
}

// ---- Documents stored before recommendations had a title ----
// Until 2026 a recommendation was a bare text. Such documents stay in the database untouched (a
// published version never changes) and stay readable: each recommendation gets a title taken from
// its text as it is read. The built-in CAP 2023 is the exception: its titles are written by hand and
// added in place by ensureBuiltins, since they change no text a structure answered.

type Json = Record<string, unknown>;

/** A title for a legacy recommendation: its first clause, whole words, within the title limit. */
export function legacyTitle(code: string, text: string): string {
  const clause = text.trim().split(/\s*(?:[.;:!?](?:\s|$)|,\s)/)[0]!.replace(/\s+/g, ' ').trim();
  let title = clause;
  if (title.length > ACTION_TITLE_MAX) {
    title = title.slice(0, ACTION_TITLE_MAX + 1);
    title = title.slice(0, title.lastIndexOf(' ')).replace(/\s+\S{1,3}$/, '');
  }
  title = title.replace(/[.;:,]+$/, '');
  return title && !actionTitleProblem(title) ? title : `Agir sur la question ${code}`;
}

function mapQuestions(doc: unknown, f: (q: Json) => Json): unknown {
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as Json).themes)) return doc;
  const d = doc as { themes: Json[] };
  return {
    ...d,
    themes: d.themes.map((th) => ({
      ...th,
      criteria: Array.isArray(th.criteria) ? (th.criteria as Json[]).map((c) => ({ ...c, questions: Array.isArray(c.questions) ? (c.questions as Json[]).map(f) : c.questions })) : th.criteria,
    })),
  };
}

function hasLegacyRecommendations(doc: unknown): boolean {
  let legacy = false;
  mapQuestions(doc, (q) => ((legacy ||= typeof q.recommendation === 'string'), q));
  return legacy;
}

/** A stored document in today's shape: a bare-text recommendation gets a title taken from it. */
export function upgradeStoredDocument(doc: unknown): unknown {
  if (!hasLegacyRecommendations(doc)) return doc;
  return mapQuestions(doc, (q) => (typeof q.recommendation === 'string' ? { ...q, recommendation: { title: legacyTitle(String(q.code), q.recommendation), text: q.recommendation } } : q));
}

/** The document with recommendations reduced to their text, to compare a legacy one with today's. */
function withoutTitles(doc: unknown): unknown {
  return mapQuestions(doc, (q) => (q.recommendation && typeof q.recommendation === 'object' ? { ...q, recommendation: (q.recommendation as Json).text } : q));
}

// Parsed documents are immutable once published: cache them by id for the hot paths.
const parsedCache = new WeakMap<Db, Map<string, Referential>>();

export function getReferential(db: Db, id: string): Referential | undefined {
  let cache = parsedCache.get(db);
  if (!cache) parsedCache.set(db, (cache = new Map()));
  const hit = cache.get(id);
  if (hit) return hit;
  const row = db.select().from(referentials).where(eq(referentials.id, id)).get();
  if (!row) return undefined;
  const doc = referentialSchema.parse(upgradeStoredDocument(row.document));
  if (row.status === 'published') cache.set(id, doc);
  return doc;
}

export function getReferentialRow(db: Db, id: string): ReferentialRow | undefined {
  return db.select().from(referentials).where(eq(referentials.id, id)).get();
}

export function listReferentials(db: Db): ReferentialRow[] {
  return db.select().from(referentials).orderBy(asc(referentials.createdAt)).all();
}

export function defaultReferentialId(db: Db): string | undefined {
  return db.select({ id: referentials.id }).from(referentials).where(eq(referentials.isDefault, true)).get()?.id;
}

export function serviceCodes(db: Db): Set<string> {
  return new Set(db.select({ code: services.code }).from(services).all().map((s) => s.code));
}

export function listServices(db: Db, opts: { activeOnly?: boolean } = {}): ServiceRow[] {
  const q = db.select().from(services);
  return (opts.activeOnly ? q.where(eq(services.active, true)) : q).orderBy(asc(services.kind), asc(services.name)).all();
}

export function getServicesByCode(db: Db, codes: readonly string[]): Map<string, ServiceRow> {
  if (!codes.length) return new Map();
  return new Map(db.select().from(services).where(inArray(services.code, [...new Set(codes)])).all().map((s) => [s.code, s]));
}

export function isReferentialInUse(db: Db, id: string): boolean {
  return !!db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.referentialId, id)).limit(1).get();
}

/** Validates and stores a new draft version; nothing is stored when anything is wrong. */
export function importReferential(db: Db, input: unknown, userId: string | null, now: Date): ValidationResult {
  const result = validateReferential(input, serviceCodes(db), validationContext(db));
  if (!result.ok) return result;
  const ref = result.referential;
  if (getReferentialRow(db, ref.id)) {
    return { ok: false, errors: [{ path: 'id', message: `la version « ${ref.id} » existe déjà : choisissez un autre identifiant` }] };
  }
  db.transaction((tx) => {
    tx.insert(referentials).values({ id: ref.id, label: ref.label, document: ref, checksum: checksum(ref), status: 'draft', isDefault: false, builtin: false, createdAt: now.toISOString() }).run();
    audit(tx, { userId, action: 'import', entity: 'referential', entityId: ref.id, after: { id: ref.id, label: ref.label } }, now);
  });
  return result;
}

export function publishReferential(db: Db, id: string, userId: string | null, now: Date): boolean {
  const row = getReferentialRow(db, id);
  if (!row || row.status === 'published') return false;
  db.transaction((tx) => {
    tx.update(referentials).set({ status: 'published', publishedAt: now.toISOString() }).where(eq(referentials.id, id)).run();
    audit(tx, { userId, action: 'publish', entity: 'referential', entityId: id, before: { status: row.status }, after: { status: 'published' } }, now);
  });
  return true;
}

export function setDefaultReferential(db: Db, id: string, userId: string | null, now: Date): boolean {
  const row = getReferentialRow(db, id);
  if (!row || row.status !== 'published') return false;
  const before = defaultReferentialId(db);
  db.transaction((tx) => {
    tx.update(referentials).set({ isDefault: false }).where(eq(referentials.isDefault, true)).run();
    tx.update(referentials).set({ isDefault: true }).where(eq(referentials.id, id)).run();
    audit(tx, { userId, action: 'set-default', entity: 'referential', entityId: id, before: { default: before }, after: { default: id } }, now);
  });
  return true;
}

/** What ensureBuiltins stores: the built-in texts by default, oldest first; tests pass changed texts. */
export interface BuiltinSource {
  referentials: Referential[];
  services: Service[];
}

/** `cap-2023`, `cap-2023-2`, `cap-2023-3`…: the stored versions of one built-in text. */
function sameFamily(rowId: string, baseId: string): boolean {
  return rowId === baseId || (rowId.startsWith(`${baseId}-`) && /^\d+$/.test(rowId.slice(baseId.length + 1)));
}

/**
 * Stores the built-in catalogue and referentials if missing. When a built-in text changed since it
 * was stored, a new version (`cap-2023-2`, …) is published; the old one stays untouched for the
 * diagnostics that use it. The newest built-in (the last of the list) becomes the default unless
 * an administrator chose another version. Services already stored are left as admins edited them.
 */
export function ensureBuiltins(db: Db, now: Date, source: BuiltinSource = { referentials: builtinReferentials(), services: builtinServices() }): void {
  const known = serviceCodes(db);
  const missing = source.services.filter((s) => !known.has(s.code));
  if (missing.length) {
    db.transaction((tx) => {
      for (const s of missing) {
        tx.insert(services).values({ ...s, active: true }).run();
        audit(tx, { userId: null, action: 'create', entity: 'service', entityId: s.code, after: { ...s, builtin: true } }, now);
      }
    });
  }
  restrictBuiltinServices(db, source.services, now);
  updateUneditedServices(db, source.services, now);
  const newest = source.referentials[source.referentials.length - 1]?.id;
  for (const ref of source.referentials) storeBuiltin(db, ref, ref.id === newest, now);
}

function storeBuiltin(db: Db, ref: Referential, newest: boolean, now: Date): void {
  const sum = checksum(ref);
  const family = db
    .select()
    .from(referentials)
    .where(eq(referentials.builtin, true))
    .all()
    .filter((r) => sameFamily(r.id, ref.id));
  correctBuiltinHelp(db, family, now);
  addBuiltinTitles(db, family.map((r) => getReferentialRow(db, r.id)!), ref, now);
  if (db.select({ id: referentials.id, checksum: referentials.checksum }).from(referentials).where(eq(referentials.builtin, true)).all().some((r) => sameFamily(r.id, ref.id) && r.checksum === sum)) return;
  let id = ref.id;
  for (let n = 2; getReferentialRow(db, id); n++) id = `${ref.id}-${n}`;
  const doc: Referential = { ...ref, id, label: id === ref.id ? ref.label : `${ref.label} (révision ${id.slice(ref.id.length + 1)})` };
  const current = db.select().from(referentials).where(eq(referentials.isDefault, true)).get();
  // A new built-in takes the default when there is none, or from another built-in when it is the
  // newest text (a revision of an older one never displaces a newer version).
  const isDefault = !current || (current.builtin && (newest || sameFamily(current.id, ref.id)));
  db.transaction((tx) => {
    if (isDefault && current) tx.update(referentials).set({ isDefault: false }).where(eq(referentials.id, current.id)).run();
    tx.insert(referentials)
      .values({ id, label: doc.label, document: doc, checksum: sum, status: 'published', isDefault, builtin: true, createdAt: now.toISOString(), publishedAt: now.toISOString() })
      .run();
    audit(tx, { userId: null, action: 'create', entity: 'referential', entityId: id, after: { id, label: doc.label, builtin: true } }, now);
    if (isDefault && current) audit(tx, { userId: null, action: 'set-default', entity: 'referential', entityId: id, before: { default: current.id }, after: { default: id } }, now);
  });
}

/**
 * Built-in services stored before the catalogue had structure types: their restriction (the ETTI
 * triple exclusivity, the ETTI guarantee fund) is added, unless an administrator edited the service.
 */
function restrictBuiltinServices(db: Db, builtins: readonly Service[], now: Date): void {
  for (const b of builtins) {
    if (!b.structureTypes.length) continue;
    const row = getService(db, b.code);
    if (!row || row.structureTypes.length) continue;
    const edited = db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.entity, 'service'), eq(auditEvents.entityId, b.code), eq(auditEvents.action, 'update'))).get();
    if (edited) continue;
    db.transaction((tx) => {
      tx.update(services).set({ structureTypes: b.structureTypes }).where(eq(services.code, b.code)).run();
      audit(tx, { userId: null, action: 'update', entity: 'service', entityId: b.code, before: { structureTypes: [] }, after: { structureTypes: b.structureTypes, builtin: true } }, now);
    });
  }
}

/**
 * Built-in service texts corrected in a later release, by code: the texts shipped before. A stored
 * service still holding one of them was never edited by an administrator, so it takes the
 * corrected text; an edited one is left alone.
 */
const SUPERSEDED_SERVICE_TEXTS: Readonly<Record<string, { description?: readonly string[] }>> = {
  AMBASSADEURS: {
    description: [
      'Un programme pour les adhérents qui représentent le réseau, notamment en CDIAE\u00a0: journée de formation, échanges sur la posture de représentant et kits de plaidoyer prêts à l’emploi. Il renforce la place de la structure dans les instances de son territoire.',
    ],
  },
};

function updateUneditedServices(db: Db, builtin: Service[], now: Date): void {
  for (const s of builtin) {
    const old = SUPERSEDED_SERVICE_TEXTS[s.code];
    if (!old) continue;
    const row = getService(db, s.code);
    if (!row || row.description === s.description || !old.description?.includes(row.description)) continue;
    db.transaction((tx) => {
      tx.update(services).set({ description: s.description }).where(eq(services.code, s.code)).run();
      audit(tx, { userId: null, action: 'update', entity: 'service', entityId: s.code, before: { description: row.description }, after: { description: s.description, builtin: true } }, now);
    });
  }
}

/**
 * A built-in version stored before its recommendations had titles, whose text is otherwise the
 * built-in's: its titles are added in place (the only change a published version ever gets, since
 * no text a structure answered changes), instead of a needless « révision 2 ».
 */
function addBuiltinTitles(db: Db, builtins: ReferentialRow[], ref: Referential, now: Date): void {
  const bare = checksum(withoutTitles(ref));
  for (const row of builtins) {
    if (!hasLegacyRecommendations(row.document) || checksum(withoutTitles({ ...(row.document as Json), id: ref.id, label: ref.label })) !== bare) continue;
    const doc: Referential = { ...ref, id: row.id, label: row.label };
    db.transaction((tx) => {
      tx.update(referentials).set({ document: doc, checksum: checksum(ref) }).where(eq(referentials.id, row.id)).run();
      audit(tx, { userId: null, action: 'update', entity: 'referential', entityId: row.id, before: { checksum: row.checksum }, after: { checksum: checksum(ref), actionTitles: true } }, now);
    });
    parsedCache.get(db)?.delete(row.id);
  }
}

/**
 * Stored built-in versions whose help texts still hold a note their authors left (HELP_CORRECTIONS):
 * the help is replaced in place. Its checksum is recomputed as storeBuiltin computes it, so that a
 * version now equal to the built-in text is not stored again as a revision.
 */
function correctBuiltinHelp(db: Db, builtins: ReferentialRow[], now: Date): void {
  for (const row of builtins) {
    const fixes: string[] = [];
    const doc = mapQuestions(row.document, (q) => {
      const fix = HELP_CORRECTIONS.find((c) => sameFamily(row.id, c.family) && c.code === q.code && q.help === c.from);
      if (!fix) return q;
      fixes.push(fix.code);
      return { ...q, help: fix.to };
    }) as Json;
    if (!fixes.length) continue;
    const family = HELP_CORRECTIONS.find((c) => sameFamily(row.id, c.family))!.family;
    const builtin = builtinReferentials().find((r) => r.id === family);
    // The checksum of a stored built-in is that of its text under the built-in's own id and label.
    const sum = checksum(builtin ? { ...doc, id: builtin.id, label: builtin.label } : doc);
    db.transaction((tx) => {
      tx.update(referentials).set({ document: doc as Referential, checksum: sum }).where(eq(referentials.id, row.id)).run();
      audit(tx, { userId: null, action: 'update', entity: 'referential', entityId: row.id, before: { checksum: row.checksum }, after: { checksum: sum, helpCorrected: fixes } }, now);
    });
    parsedCache.get(db)?.delete(row.id);
  }
}

/** Number of diagnostics per referential version (versions without any are absent). */
export function referentialUsage(db: Db): Map<string, number> {
  const rows = db.select({ id: diagnostics.referentialId, n: count() }).from(diagnostics).groupBy(diagnostics.referentialId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---- The services catalogue, edited by admins ----

export function getService(db: Db, code: string): ServiceRow | undefined {
  return db.select().from(services).where(eq(services.code, code)).get();
}

/** A service as a form or a test gives it: the ways to reach it and its types may be left out. */
export type ServiceData = Omit<Service, 'contactName' | 'email' | 'phone' | 'url' | 'structureTypes'> & Partial<Pick<Service, 'contactName' | 'email' | 'phone' | 'url' | 'structureTypes'>>;
const withDefaults = <T extends Partial<Service>>(s: T) => ({ contactName: '', email: '', phone: '', url: '', structureTypes: [], ...s });

export function insertService(db: Db, input: ServiceData, userId: string | null, now: Date): void {
  const s = withDefaults(input);
  db.transaction((tx) => {
    tx.insert(services).values({ ...s, active: true }).run();
    audit(tx, { userId, action: 'create', entity: 'service', entityId: s.code, after: s }, now);
  });
}

/** Updates what admins may change; the code is fixed because referentials cite it. */
export function updateService(db: Db, code: string, input: Omit<ServiceData, 'code'>, userId: string | null, now: Date): void {
  const data = withDefaults(input);
  const before = getService(db, code);
  if (!before) return;
  db.transaction((tx) => {
    const { name, kind, description, contact, contactName, email, phone, url, structureTypes } = data;
    tx.update(services).set({ name, kind, description, contact, contactName, email, phone, url, structureTypes }).where(eq(services.code, code)).run();
    audit(tx, { userId, action: 'update', entity: 'service', entityId: code, before, after: { code, ...data, active: before.active } }, now);
  });
}

export function setServiceActive(db: Db, code: string, active: boolean, userId: string | null, now: Date): void {
  const before = getService(db, code);
  if (!before || before.active === active) return;
  db.transaction((tx) => {
    tx.update(services).set({ active }).where(eq(services.code, code)).run();
    audit(tx, { userId, action: active ? 'reactivate' : 'deactivate', entity: 'service', entityId: code, before: { active: before.active }, after: { active } }, now);
  });
}

/**
 * Codes of the services that may still be proposed (a deactivated one stays on old plans only), to a
 * structure of these types when given (a service reserved to other types never is).
 */
export function activeServiceCodes(db: Db, types?: readonly StructureType[]): Set<string> {
  const rows = db.select({ code: services.code, structureTypes: services.structureTypes }).from(services).where(eq(services.active, true)).all();
  return new Set(rows.filter((s) => !types || serviceApplies(s, types)).map((s) => s.code));
}

/**
 * Drops deactivated services from proposed actions before they are stored in a plan. Pure: pass
 * `activeServiceCodes(db)`. Actions already stored keep their services as they were.
 */
export function withActiveServices<T extends { services: readonly string[] }>(items: readonly T[], active: ReadonlySet<string>): T[] {
  return items.map((item) => (item.services.every((s) => active.has(s)) ? item : { ...item, services: item.services.filter((s) => active.has(s)) }));
}
