// The plan's pure helpers (dates, typography, table order, services to mobilise) and the PDF
// layout on the mini referential: no database, no HTTP.
import { describe, it, expect } from 'vitest';
import { miniReferential } from '../fixtures/mini-referential.ts';
import { scoreDiagnostic, type Level } from '../../src/scoring/index.ts';
import { proposeActions } from '../../src/plan/prioritise.ts';
import { isOverdue, percent, slugify } from '../../src/plan/format.ts';
import { frenchDate, frenchDay, frenchDayShort, parisDay, parseDay } from '../../src/dates.ts';
import PDFDocument from 'pdfkit';
import { answerLine, FONT_BOLD, FONT_REGULAR, printable, registerFonts, renderPlanPdf, servicesToMobilise, sortForTable, themeHighlights } from '../../src/plan/pdf.ts';
import type { PlanReport, PlanReportAction } from '../../src/plan/report.ts';

describe('dates', () => {
  it('reads the day in Paris, not in UTC', () => {
    expect(parisDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDay(new Date('2026-07-14T21:59:00Z'))).toBe('2026-07-14');
    expect(parisDay(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('writes dates the French way, with « 1er »', () => {
    expect(frenchDate(new Date('2026-11-26T10:00:00Z'))).toBe('26 novembre 2026');
    expect(frenchDate(new Date('2026-02-28T23:30:00Z'))).toBe('1er mars 2026');
    expect(frenchDay('2026-08-15')).toBe('15 août 2026');
    expect(frenchDay('2026-12-01')).toBe('1er décembre 2026');
    expect(frenchDayShort('2026-09-04')).toBe('4 sept. 2026');
  });

  it('parses due dates typed as AAAA-MM-JJ or JJ/MM/AAAA, and refuses impossible ones', () => {
    expect(parseDay('2026-11-26')).toBe('2026-11-26');
    expect(parseDay(' 26/11/2026 ')).toBe('2026-11-26');
    expect(parseDay('1/3/2026')).toBe('2026-03-01');
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('')).toBe('');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '31/02/2026', 'demain', '2026-1-5', '26.11.2026', '0000-01-01']) expect(parseDay(bad)).toBeNull();
  });

  it('calls an action overdue only when its day is past and it is not done', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: 'todo' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'in_progress' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-02', status: 'todo' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: null, status: 'todo' }, '2026-03-02')).toBe(false);
  });
});

describe('typography and names', () => {
  it('rounds percentages at display with a narrow no-break space', () => {
    expect(percent(62.5)).toBe('63\u202f%');
    expect(percent(0)).toBe('0\u202f%');
    expect(percent(null)).toBe('—');
  });

  it('makes ASCII file names from French organisation names', () => {
    expect(slugify('Les Jardins du Lauragais (démo)')).toBe('les-jardins-du-lauragais-demo');
    expect(slugify('Cœur d’Écluse — Ça pousse à Bézières')).toBe('coeur-d-ecluse-ca-pousse-a-bezieres');
    expect(slugify('«  »')).toBe('structure');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });
});

const action = (over: Partial<PlanReportAction>): PlanReportAction => ({
  id: over.title ?? 'a',
  title: 'Action',
  description: '',
  ownDescription: false,
  themeSlug: 'identite',
  priority: 'moyenne',
  rank: 1,
  quickWin: false,
  origin: 'proposed',
  questionCode: null,
  owner: '',
  dueDate: null,
  status: 'todo',
  notes: '',
  services: [],
  droppedReason: null,
  ...over,
});

const answers = (o: Record<string, Level>): ReadonlyMap<string, Level> => new Map(Object.entries(o));
const scores = scoreDiagnostic(miniReferential, ['AI'], answers({ 'ID-1.1': 1, 'ID-1.2': 4, 'ID-2.1': 'na', 'SE-1.1': 2, 'SE-1.2': 0, 'FS-1.1': 1, 'FS-2.1': 0, 'AC-1.1': 'na', 'AC-1.2': 3 }));

describe('the action table and the services', () => {
  const themes = ['identite', 'services', 'fonctions-support', 'amelioration-continue'];

  it('orders by priority, then theme, then plan order, leaving dropped actions out', () => {
    const rows = sortForTable(
      [
        action({ title: 'basse', priority: 'basse' }),
        action({ title: 'moyenne AC', priority: 'moyenne', themeSlug: 'amelioration-continue' }),
        action({ title: 'moyenne ID', priority: 'moyenne', themeSlug: 'identite' }),
        action({ title: 'abandonnée', priority: 'obligation', droppedReason: 'hors sujet' }),
        action({ title: 'obligation', priority: 'obligation', themeSlug: 'fonctions-support' }),
        action({ title: 'moyenne ID 2', priority: 'moyenne', themeSlug: 'identite' }),
        action({ title: 'haute', priority: 'haute', themeSlug: 'services' }),
      ],
      themes,
    );
    expect(rows.map((r) => r.title)).toEqual(['obligation', 'haute', 'moyenne ID', 'moyenne ID 2', 'moyenne AC', 'basse']);
  });

  it('lists the services of open, unfinished actions once each, with how many actions need them', () => {
    const svc = (code: string) => ({ code, name: code, kind: 'formation', description: '', contact: `contact ${code}`, contactName: '', email: '', phone: '', url: '', active: code !== 'OLD' });
    const report = {
      scores,
      services: [svc('A'), svc('B'), svc('C'), svc('OLD')],
      actions: [
        action({ title: '1', priority: 'basse', services: ['A'] }),
        action({ title: '2', priority: 'haute', services: ['B', 'A'] }),
        action({ title: '3', priority: 'haute', services: ['C'], status: 'done' }),
        action({ title: '4', priority: 'haute', services: ['C'], droppedReason: 'non' }),
        action({ title: '5', priority: 'moyenne', services: ['OLD', 'UNKNOWN'] }),
      ],
    };
    expect(servicesToMobilise(report).map((s) => [s.service.code, s.count])).toEqual([
      ['B', 1],
      ['A', 2],
      ['OLD', 1],
    ]);
  });

  it('picks a theme’s strengths at level 3 or more and its first open actions', () => {
    const identite = scores.themes.find((th) => th.slug === 'identite')!;
    const { strengths, priorities } = themeHighlights(identite, [
      action({ title: 'fait', themeSlug: 'identite', priority: 'haute', status: 'done' }),
      action({ title: 'basse', themeSlug: 'identite', priority: 'basse' }),
      action({ title: 'autre thème', themeSlug: 'services', priority: 'haute' }),
      action({ title: 'haute', themeSlug: 'identite', priority: 'haute' }),
    ]);
    expect(strengths.map((q) => q.code)).toEqual(['ID-1.2']);
    expect(priorities.map((a) => a.title)).toEqual(['haute', 'basse']);
  });

  it('says what was answered in the annex', () => {
    expect(answerLine({ code: 'X', level: 2, levelText: 'Des actions ponctuelles.', comment: '' })).toBe('Niveau 2 : Des actions ponctuelles.');
    expect(answerLine({ code: 'X', level: 'na', levelText: null, comment: '' })).toBe('Non applicable (hors calcul)');
    expect(answerLine({ code: 'X', level: null, levelText: null, comment: '' })).toBe('Sans réponse');
    expect(answerLine(undefined)).toBe('Sans réponse');
  });
});

describe('writePlanPdf', () => {
  const proposed = proposeActions(miniReferential, scores);
  const report: PlanReport = {
    organisation: { name: 'Structure d’essai — Ça œuvre', types: ['Association intermédiaire (AI)'], region: 'Occitanie' },
    date: new Date('2026-11-26T10:00:00Z'),
    today: '2026-11-26',
    comparison: null,
    benchmark: [],
    provisional: null,
    referentialLabel: miniReferential.label,
    status: 'Validé',
    mode: 'Diagnostic accompagné',
    startedAt: new Date('2026-10-01T10:00:00Z'),
    submittedAt: new Date('2026-10-20T10:00:00Z'),
    validated: { by: 'Inès Martin', at: new Date('2026-11-02T10:00:00Z') },
    participants: [],
    scores,
    actions: proposed.map((p, i) => action({ id: p.questionCode, title: p.title, themeSlug: p.themeSlug, priority: p.priority, quickWin: p.quickWin, services: p.services, questionCode: p.questionCode, dueDate: i === 0 ? '2026-01-01' : null })),
    services: [],
    answers: [],
    notApplicable: 0,
    reviews: [{ target: 'Ensemble du diagnostic', author: 'Inès Martin', at: new Date('2026-11-01T10:00:00Z'), body: 'Très bon travail d’équipe.' }],
  };

  it('lays out an A4 document: cover, summary, themes, actions, services, readiness, annex', async () => {
    const { pdf, pages } = await renderPlanPdf(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Parts follow each other on a page when there is room: a small plan holds on a few pages.
    expect(pages).toBeGreaterThanOrEqual(4);
    // Every page is A4 and is counted in the file (footers must not add blank pages).
    expect((pdf.toString('latin1').match(/\/MediaBox \[0 0 595\.28 841\.89\]/g) ?? []).length).toBe(pages);
    expect(pdf.toString('latin1')).toContain('/FontFile2');
  });

  it('renders the same content twice with the fonts kept between documents', async () => {
    const a = await renderPlanPdf(report);
    const b = await renderPlanPdf(report);
    const fresh = await renderPlanPdf(report, { reuseParsedFonts: false });
    expect(b.pages).toBe(a.pages);
    expect(fresh.pages).toBe(a.pages);
    // Same text, same fonts: only the document ids differ.
    expect(Math.abs(b.pdf.length - fresh.pdf.length)).toBeLessThan(200);
  });

  it('keeps long text inside its page: a long word breaks, a long participant list moves to the annex', async () => {
    const word = 'x'.repeat(1000);
    const long = {
      ...report,
      participants: Array.from({ length: 30 }, (_, i) => ({ name: `${'Participant'.repeat(10)} ${i}`, role: 'direction' })),
      actions: [action({ title: word, description: word, ownDescription: true, notes: word, owner: 'y'.repeat(120), origin: 'custom' }), ...report.actions],
    };
    const { pdf, pages } = await renderPlanPdf(long);
    expect((pdf.toString('latin1').match(/\/MediaBox \[0 0 595\.28 841\.89\]/g) ?? []).length).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual((await renderPlanPdf(report)).pages);
  });
});

describe('printable', () => {
  it('composes text and lets a word longer than any column break every 40 characters', () => {
    expect(printable('e\u0301quipe « ça »')).toBe('équipe « ça »');
    expect(printable('court https://exemple.fr/a')).toBe('court https://exemple.fr/a');
    expect(printable('a'.repeat(100))).toBe(`${'a'.repeat(40)}\u200b${'a'.repeat(40)}\u200b${'a'.repeat(20)}`);
    expect(printable('a'.repeat(80))).toBe(`${'a'.repeat(40)}\u200b${'a'.repeat(40)}`);
    // Astral characters (emoji) are never cut in half.
    expect(printable('😀'.repeat(41)).split('\u200b').map((p) => [...p].length)).toEqual([40, 1]);
    // Accented letters count like the others; every kind of space (no-break ones included) ends a word.
    expect(printable('é'.repeat(41))).toBe(`${'é'.repeat(40)}\u200bé`);
    expect(printable('é'.repeat(40))).toBe('é'.repeat(40));
    for (const space of [' ', '\u00a0', '\u202f', '\t', '\n', '\u2028', '\u3000', '\u200b']) {
      expect(printable(`${'a'.repeat(30)}${space}${'b'.repeat(30)}`)).toBe(`${'a'.repeat(30)}${space}${'b'.repeat(30)}`);
    }
    expect(printable(`${'a'.repeat(30)}\u00ad${'b'.repeat(30)}`)).toContain('\u200b');
  });
});

describe('text layout', () => {
  interface Layout {
    glyphs: { id: number }[];
    positions: { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[];
    advanceWidth: number;
  }
  interface Font {
    layout: (text: string) => Layout;
    encode: (text: string) => [string[], Layout['positions']];
    subset: { includeGlyph: (id: number) => number };
  }

  it('measures and writes text with the glyphs, widths and positions of pdfkit’s own per-word layout', () => {
    const doc = new PDFDocument({ size: 'A4' });
    registerFonts(doc);
    const texts = ['Plan de progrès — « Cœur d’Écluse » ', 'l’équipe\u00a0: 63\u202f% ; 1er mars', 'œuvre ÀÉÈÇ ﬁn 😀 Ωμέγα Кириллица', 'a\u200bb\tc', ''];
    for (const face of [FONT_REGULAR, FONT_BOLD]) {
      doc.font(face).fontSize(9);
      const font = (doc as unknown as { _font: Font })._font;
      for (const text of texts) {
        // font.layout splits the text into words and lays each out: the general path.
        const general = font.layout(text);
        expect(doc.widthOfString(text)).toBeCloseTo((general.advanceWidth * 9) / 1000, 9);
        const [codes, positions] = font.encode(text);
        expect(codes).toEqual(general.glyphs.map((g) => font.subset.includeGlyph(g.id).toString(16).padStart(4, '0')));
        expect(positions).toEqual(general.positions);
      }
    }
  });
});
