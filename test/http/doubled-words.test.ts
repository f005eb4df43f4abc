// No page says a word twice in a row (« Soumis soumis le 1er décembre »): the demo's pages, as
// each kind of visitor reaches them by following links from the home page, read without a
// doubled word. The text is what a screen reader reads in order, hidden text kept; a block (a
// paragraph, a cell, an item) ends a run, so that a heading followed by a text starting with the
// same word, or a name in one cell and a code in the next, is not a fault.
import { describe, expect, it } from 'vitest';
import { Client, makeApp, text } from '../support/app.ts';
import { loadDemo } from '../../src/demo/index.ts';
import { DEMO_PASSWORD } from '../../src/demo/base.ts';

/** French repeats a pronoun in reflexive verbs (« nous nous retrouvons »): not a fault. */
const ALLOWED = new Set(['nous', 'vous']);

/** Each « word word » of a text (case ignored), with a little context. */
export function doubledWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(?<![\p{L}\p{N}’'-])(\p{L}[\p{L}’'-]*)\s+\1(?![\p{L}\p{N}’'-])/giu)) {
    if (ALLOWED.has(m[1]!.toLowerCase())) continue;
    out.push(s.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30));
  }
  return out;
}

const BLOCK = /<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tr|th|td|section|article|header|footer|nav|main|form|fieldset|legend|details|summary|select|option|br)\b[^>]*>/gi;

/** The page's text with its blocks apart (« ¶ » between them). */
function blockText(html: string): string {
  return text(html.replace(BLOCK, ' ¶ '));
}

/** Links worth following: pages, not files, not logging out, not the same page sorted again. */
function links(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!).filter((href) => !/^\/static\/|\.(pdf|csv|json|xlsx|ics)$|^\/logout/.test(href));
}

/** Visits the pages reachable from `/` (at most `max`), returning the doubled words of each. */
async function crawl(client: Client, max: number): Promise<{ pages: number; faults: string[] }> {
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const faults: string[] = [];
  let pages = 0;
  while (queue.length && pages < max) {
    const path = queue.shift()!;
    const res = await client.get(path);
    if (res.status !== 200 || !(res.headers.get('Content-Type') ?? '').includes('text/html')) continue;
    pages++;
    const html = await res.text();
    for (const d of doubledWords(blockText(html))) faults.push(`${path}: …${d}…`);
    for (const href of links(html)) {
      if (!seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return { pages, faults };
}

describe('doubled words', () => {
  it('finds « Soumis soumis » and lets « nous nous » be', () => {
    expect(doubledWords('État Soumis soumis le 1er décembre')).toHaveLength(1);
    expect(doubledWords('Nous nous retrouvons ; vous vous inscrivez')).toEqual([]);
    expect(doubledWords('le lendemain, l’le')).toEqual([]);
    expect(doubledWords('Plan Plan de progrès')).toHaveLength(1);
    expect(doubledWords(blockText('<td><span class="badge">Soumis</span> <span>soumis le 2 mars</span></td>'))).toHaveLength(1);
    expect(doubledWords(blockText('<h2>Diagnostics</h2><p>Diagnostics en cours</p>'))).toEqual([]);
  });

  it('are on no page of the demo, for members, consultants and the administration', async () => {
    const ctx = makeApp();
    await loadDemo(ctx.db, ctx.now.value);
    const report: string[] = [];
    for (const email of ['membre1@cap.test', 'membre3@cap.test', 'membre4@cap.test', 'conseil.occitanie@cap.test', 'conseil.bretagne@cap.test', 'admin@cap.test']) {
      const client = new Client(ctx);
      await client.login(email, DEMO_PASSWORD);
      const { pages, faults } = await crawl(client, 150);
      expect(pages, email).toBeGreaterThan(5);
      report.push(...faults.map((f) => `${email} ${f}`));
    }
    expect(report).toEqual([]);
  }, 240_000);
});
