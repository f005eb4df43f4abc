// Storage of referential versions and of the services catalogue: the built-ins are stored once, a
// changed built-in text becomes a new version and never rewrites the one diagnostics use, imports
// are all-or-nothing, and a deactivated service stops being proposed.
import { describe, it, expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { auditEvents, diagnostics, referentials, services } from '../../src/db/schema.ts';
import { insertOrganisation } from '../../src/db/organisations.ts';
import {
  activeServiceCodes,
  checksum,
  builtinReferential,
  builtinReferentials,
  builtinServices,
  defaultReferentialId,
  ensureBuiltins,
  getReferential,
  getReferentialRow,
  importReferential,
  listReferentials,
  legacyTitle,
  publishReferential,
  referentialUsage,
  setDefaultReferential,
  setServiceActive,
  updateService,
  withActiveServices,
} from '../../src/referential/store.ts';
import type { Referential, ServiceKind } from '../../src/referential/schema.ts';
import { HELP_CORRECTIONS } from '../../src/referential/corrections.ts';
import { importable } from '../fixtures/importable.ts';

const T0 = new Date('2026-01-05T08:00:00Z');
const T1 = new Date('2026-06-01T08:00:00Z');

function fresh(): Db {
  const db = openDatabase(':memory:');
  ensureBuiltins(db, T0);
  return db;
}

function auditCount(db: Db): number {
  return db.select().from(auditEvents).all().length;
}

function startDiagnostic(db: Db, referentialId: string): string {
  const orgId = insertOrganisation(db, { name: 'Structure', siret: '73282932000074', types: ['ACI'], region: 'Occitanie', ftePermanent: 3, ftePathway: 12, ges: false }, T0);
  db.insert(diagnostics).values({ id: 'diag-1', organisationId: orgId, referentialId, status: 'draft', mode: 'autodiagnostic', participants: [], createdAt: T0.toISOString() }).run();
  return 'diag-1';
}

const [CAP_2023, CAP_2026] = builtinReferentials() as [Referential, Referential];

/** A built-in text as a later release of CAP would ship it: one question reworded. */
function revised(ref: Referential): Referential {
  const next = structuredClone(ref);
  next.themes[0]!.criteria[0]!.questions[0]!.help += ' (texte révisé)';
  return next;
}

describe('ensureBuiltins', () => {
  it('stores both built-in versions, CAP 2026 as the published default, and the catalogue, each write audited', () => {
    const db = fresh();
    const rows = listReferentials(db);
    expect(rows.map((r) => [r.id, r.status, r.isDefault, r.builtin])).toEqual([
      ['cap-2023', 'published', false, true],
      ['cap-2026', 'published', true, true],
    ]);
    expect(db.select().from(services).all()).toHaveLength(builtinServices().length);
    expect(getReferential(db, 'cap-2023')).toEqual(CAP_2023);
    expect(getReferential(db, 'cap-2026')).toEqual(CAP_2026);
    expect(builtinReferential()).toEqual(CAP_2026);
    const events = db.select().from(auditEvents).all();
    expect(events.filter((e) => e.entity === 'service')).toHaveLength(builtinServices().length);
    expect(events.filter((e) => e.entity === 'referential').map((e) => [e.action, e.entityId])).toEqual([
      ['create', 'cap-2023'],
      ['create', 'cap-2026'],
      ['set-default', 'cap-2026'],
    ]);
  });

  it('is idempotent: a second start writes nothing', () => {
    const db = fresh();
    const before = auditCount(db);
    ensureBuiltins(db, T1);
    ensureBuiltins(db, T1);
    expect(listReferentials(db)).toHaveLength(2);
    expect(db.select().from(services).all()).toHaveLength(builtinServices().length);
    expect(auditCount(db)).toBe(before);
  });

  it('adds CAP 2026 as the new default to a database that only had CAP 2023, leaving its diagnostics on it', () => {
    const db = openDatabase(':memory:');
    ensureBuiltins(db, T0, { referentials: [CAP_2023], services: builtinServices() });
    const diagId = startDiagnostic(db, 'cap-2023');
    const old = getReferentialRow(db, 'cap-2023')!;
    expect(old.isDefault).toBe(true);
    ensureBuiltins(db, T1);
    expect(defaultReferentialId(db)).toBe('cap-2026');
    expect(getReferentialRow(db, 'cap-2023')).toEqual({ ...old, isDefault: false });
    expect(db.select().from(diagnostics).where(eq(diagnostics.id, diagId)).get()?.referentialId).toBe('cap-2023');
  });

  it('keeps the services as admins edited them', () => {
    const db = fresh();
    updateService(db, 'CAP-RSE', { name: 'Accompagnement RSE (nouveau nom)', kind: 'accompagnement', description: 'Décrit autrement.', contact: 'rse@coorace.test' }, null, T0);
    ensureBuiltins(db, T1);
    expect(db.select().from(services).where(eq(services.code, 'CAP-RSE')).get()?.name).toBe('Accompagnement RSE (nouveau nom)');
  });

  it('corrects a built-in service text nobody edited (the CDIAE is gone), and leaves an edited one alone', () => {
    const shipped = 'Un programme pour les adhérents qui représentent le réseau, notamment en CDIAE\u00a0: journée de formation, échanges sur la posture de représentant et kits de plaidoyer prêts à l’emploi. Il renforce la place de la structure dans les instances de son territoire.';
    const db = fresh();
    db.update(services).set({ description: shipped }).where(eq(services.code, 'AMBASSADEURS')).run();
    ensureBuiltins(db, T1);
    const now = db.select().from(services).where(eq(services.code, 'AMBASSADEURS')).get()!;
    expect(now.description).toMatch(/commission spécialisée IAE du comité départemental pour l’emploi/);
    expect(db.select().from(auditEvents).where(eq(auditEvents.entityId, 'AMBASSADEURS')).all().map((e) => e.action)).toEqual(['create', 'update']);

    updateService(db, 'AMBASSADEURS', { name: now.name, kind: now.kind as ServiceKind, description: 'Texte de l’administrateur.', contact: now.contact }, null, T1);
    ensureBuiltins(db, T1);
    expect(db.select().from(services).where(eq(services.code, 'AMBASSADEURS')).get()!.description).toBe('Texte de l’administrateur.');
  });

  it('turns a changed built-in text into a new version without touching the one in use; the newest text stays default', () => {
    const db = fresh();
    const diagId = startDiagnostic(db, 'cap-2023');
    const old = getReferentialRow(db, 'cap-2023')!;

    ensureBuiltins(db, T1, { referentials: [revised(CAP_2023), CAP_2026], services: builtinServices() });

    expect(listReferentials(db).map((r) => r.id)).toEqual(['cap-2023', 'cap-2026', 'cap-2023-2']);
    expect(getReferentialRow(db, 'cap-2023')).toEqual(old);
    const next = getReferentialRow(db, 'cap-2023-2')!;
    expect(next).toMatchObject({ status: 'published', isDefault: false, builtin: true, label: 'CAP 2023 (révision 2)', publishedAt: T1.toISOString() });
    expect(getReferential(db, 'cap-2023-2')!.themes[0]!.criteria[0]!.questions[0]!.help).toMatch(/\(texte révisé\)$/);
    expect(getReferential(db, 'cap-2023')!.themes[0]!.criteria[0]!.questions[0]!.help).not.toMatch(/texte révisé/);
    expect(defaultReferentialId(db)).toBe('cap-2026');
    expect(db.select().from(diagnostics).where(eq(diagnostics.id, diagId)).get()?.referentialId).toBe('cap-2023');
    expect(referentialUsage(db)).toEqual(new Map([['cap-2023', 1]]));

    // A revised CAP 2026 becomes the default; the same texts at the next start change nothing.
    ensureBuiltins(db, T1, { referentials: [revised(CAP_2023), revised(CAP_2026)], services: builtinServices() });
    expect(defaultReferentialId(db)).toBe('cap-2026-2');
    ensureBuiltins(db, T1, { referentials: [revised(CAP_2023), revised(CAP_2026)], services: builtinServices() });
    expect(listReferentials(db)).toHaveLength(4);
  });

  it('leaves the default alone when an admin chose an imported version', () => {
    const db = fresh();
    const mine = importable('cap-2025', 'CAP 2025');
    expect(importReferential(db, mine, null, T0).ok).toBe(true);
    expect(publishReferential(db, 'cap-2025', null, T0)).toBe(true);
    expect(setDefaultReferential(db, 'cap-2025', null, T0)).toBe(true);
    ensureBuiltins(db, T1, { referentials: [CAP_2023, revised(CAP_2026)], services: builtinServices() });
    expect(defaultReferentialId(db)).toBe('cap-2025');
    expect(getReferentialRow(db, 'cap-2026-2')?.isDefault).toBe(false);
  });
});

/** A document as CAP stored it before recommendations had titles: each one a bare text. */
function legacy(ref: Referential): unknown {
  const doc = structuredClone(ref) as any;
  for (const th of doc.themes) for (const c of th.criteria) for (const q of c.questions) q.recommendation = q.recommendation.text;
  return doc;
}

describe('documents stored before recommendations had titles', () => {
  it('are read with a whole title taken from each recommendation’s first clause', () => {
    const db = fresh();
    const doc = { ...(legacy(CAP_2023) as object), id: 'cap-ancien', label: 'CAP ancien' } as any;
    db.insert(referentials).values({ id: 'cap-ancien', label: 'CAP ancien', document: doc, checksum: 'x', status: 'published', isDefault: false, builtin: false, createdAt: T0.toISOString() }).run();
    const read = getReferential(db, 'cap-ancien')!;
    const q = read.themes[0]!.criteria[1]!.questions[1]!;
    expect(q.recommendation.text).toBe(CAP_2023.themes[0]!.criteria[1]!.questions[1]!.recommendation.text);
    expect(q.recommendation.title).toBe('Bâtir un modèle de rapport d’activité stable d’une année sur l’autre');
    for (const th of read.themes) for (const c of th.criteria) for (const x of c.questions) {
      expect(x.recommendation.title.length, x.code).toBeLessThanOrEqual(90);
      expect(x.recommendation.title, x.code).not.toMatch(/[….,;:]$/);
    }
  });

  it('keep a title short when the first clause is long, and never cut a word', () => {
    expect(legacyTitle('X-1.1', 'Mettre en place avec l’ensemble des encadrants techniques et des conseillers en insertion professionnelle un tableau de suivi mensuel des échéances')).toBe(
      'Mettre en place avec l’ensemble des encadrants techniques et des conseillers en insertion',
    );
    expect(legacyTitle('X-1.2', 'Un tableau suffit.')).toBe('Agir sur la question X-1.2');
  });

  it('get the built-in CAP 2023 titles in place, without a new version, when the text is otherwise the same', () => {
    const db = openDatabase(':memory:');
    ensureBuiltins(db, T0);
    const row = getReferentialRow(db, 'cap-2023')!;
    db.update(referentials).set({ document: legacy(row.document as Referential) as Referential, checksum: 'avant' }).where(eq(referentials.id, 'cap-2023')).run();
    startDiagnostic(db, 'cap-2023');

    ensureBuiltins(db, T1);
    expect(listReferentials(db).map((r) => [r.id, r.isDefault])).toEqual([['cap-2023', false], ['cap-2026', true]]);
    expect(getReferential(db, 'cap-2023')).toEqual(CAP_2023);
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2023')).all();
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    ensureBuiltins(db, T1);
    expect(db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2023')).all()).toHaveLength(2);
  });

  it('lose the author’s note once shipped in CAP 2023’s help, in place, in the version and its revisions', () => {
    const db = openDatabase(':memory:');
    ensureBuiltins(db, T0);
    // A database that stored CAP 2023 as first shipped, with a diagnostic on it, and a revision of it.
    const [fix] = HELP_CORRECTIONS;
    const withNote = (doc: Referential) => {
      const d = structuredClone(doc);
      for (const th of d.themes) for (const c of th.criteria) for (const q of c.questions) if (q.code === fix!.code) q.help = fix!.from;
      return d;
    };
    db.update(referentials).set({ document: withNote(CAP_2023), checksum: checksum(withNote(CAP_2023)) }).where(eq(referentials.id, 'cap-2023')).run();
    db.insert(referentials).values({ id: 'cap-2023-2', label: 'CAP 2023 (révision 2)', document: { ...withNote(revised(CAP_2023)), id: 'cap-2023-2', label: 'CAP 2023 (révision 2)' }, checksum: checksum(withNote(revised(CAP_2023))), status: 'published', isDefault: false, builtin: true, createdAt: T0.toISOString() }).run();
    startDiagnostic(db, 'cap-2023');
    expect(JSON.stringify(getReferential(db, 'cap-2023'))).toContain('vérifier le texte applicable');

    ensureBuiltins(db, T1);
    expect(listReferentials(db).map((r) => r.id)).toEqual(['cap-2023', 'cap-2026', 'cap-2023-2']);
    expect(getReferential(db, 'cap-2023')).toEqual(CAP_2023);
    expect(getReferentialRow(db, 'cap-2023')!.checksum).toBe(checksum(CAP_2023));
    const help = (id: string) => getReferential(db, id)!.themes.flatMap((th) => th.criteria.flatMap((c) => c.questions)).find((q) => q.code === fix!.code)!.help;
    expect(help('cap-2023-2')).toBe(fix!.to);
    expect(help('cap-2023')).toMatch(/entretien de parcours professionnel/);
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2023')).all();
    expect(events.map((e) => [e.action, (e.after as { helpCorrected?: string[] } | null)?.helpCorrected])).toEqual([['create', undefined], ['update', ['FS-1.2']]]);
    // The next start changes nothing.
    ensureBuiltins(db, T1);
    expect(db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2023')).all()).toHaveLength(2);
    expect(listReferentials(db)).toHaveLength(3);
  });

  it('are left as they are when their text differs from the built-in', () => {
    const db = openDatabase(':memory:');
    ensureBuiltins(db, T0);
    const changed = legacy(revised(CAP_2023)) as Referential;
    db.update(referentials).set({ document: changed, checksum: 'avant' }).where(eq(referentials.id, 'cap-2023')).run();
    ensureBuiltins(db, T1);
    expect(listReferentials(db).map((r) => r.id)).toEqual(['cap-2023', 'cap-2026', 'cap-2023-2']);
    expect(getReferentialRow(db, 'cap-2023')!.document).toEqual(changed);
  });
});

describe('import, publish, default', () => {
  it('stores nothing, not even an audit event, when the document is invalid', () => {
    const db = fresh();
    const before = { refs: listReferentials(db).length, audit: auditCount(db) };
    const bad = JSON.parse(JSON.stringify(importable('cap-bad', 'CAP 2026')));
    bad.themes[0].criteria[0].questions[0].weight = 4;
    const r = importReferential(db, bad, null, T0);
    expect(r.ok).toBe(false);
    expect({ refs: listReferentials(db).length, audit: auditCount(db) }).toEqual(before);
  });

  it('refuses an id that already exists, with the path « id »', () => {
    const db = fresh();
    const taken = importable('cap-2023', 'CAP 2023');
    delete taken.mapping; // a version cannot map from itself
    const r = importReferential(db, taken, null, T0);
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'id', message: 'la version « cap-2023 » existe déjà : choisissez un autre identifiant' }]);
  });

  it('stores a draft, publishes it once, and only a published version can become the default', () => {
    const db = fresh();
    expect(importReferential(db, importable('cap-2025', 'CAP 2025'), null, T0).ok).toBe(true);
    expect(getReferentialRow(db, 'cap-2025')).toMatchObject({ status: 'draft', isDefault: false, builtin: false });
    expect(setDefaultReferential(db, 'cap-2025', null, T0)).toBe(false);
    expect(defaultReferentialId(db)).toBe('cap-2026');
    expect(publishReferential(db, 'cap-2025', null, T1)).toBe(true);
    expect(publishReferential(db, 'cap-2025', null, T1)).toBe(false);
    expect(setDefaultReferential(db, 'cap-2025', null, T1)).toBe(true);
    expect(db.select().from(referentials).where(eq(referentials.isDefault, true)).all().map((r) => r.id)).toEqual(['cap-2025']);
    const actions = db.select().from(auditEvents).where(eq(auditEvents.entityId, 'cap-2025')).all().map((e) => e.action);
    expect(actions).toEqual(['import', 'publish', 'set-default']);
  });
});

describe('deactivated services', () => {
  it('are left out of proposals, while stored plans keep them', () => {
    const db = fresh();
    setServiceActive(db, 'CAP-RSE', false, null, T1);
    const active = activeServiceCodes(db);
    expect(active.has('CAP-RSE')).toBe(false);
    expect(active.has('CAP-ISO9001')).toBe(true);
    const proposed = [
      { questionCode: 'AC-1.1', services: ['CAP-RSE', 'CAP-ISO9001'] },
      { questionCode: 'AC-1.2', services: ['CAP-ISO9001'] },
    ];
    const kept = withActiveServices(proposed, active);
    expect(kept).toEqual([
      { questionCode: 'AC-1.1', services: ['CAP-ISO9001'] },
      { questionCode: 'AC-1.2', services: ['CAP-ISO9001'] },
    ]);
    expect(kept[1]).toBe(proposed[1]);
    expect(proposed[0]!.services).toEqual(['CAP-RSE', 'CAP-ISO9001']);
    setServiceActive(db, 'CAP-RSE', true, null, T1);
    expect(activeServiceCodes(db).has('CAP-RSE')).toBe(true);
    const trail = db.select().from(auditEvents).where(eq(auditEvents.entityId, 'CAP-RSE')).all().map((e) => e.action);
    expect(trail).toEqual(['create', 'deactivate', 'reactivate']);
  });
});
