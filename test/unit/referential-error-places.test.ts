// A faulty referential's errors in its author's terms: grouped by question (criterion, theme) in
// the document's order, each place named by the code the author wrote, each field in French, the
// JSON path kept beside it.
import { describe, expect, it } from 'vitest';
import { builtinReferential, builtinServices } from '../../src/referential/store.ts';
import { validateReferential } from '../../src/referential/validate.ts';
import { fieldName, groupErrors, locate } from '../../src/referential/error-places.ts';

const SERVICE_CODES = new Set(builtinServices().map((s) => s.code));
/** Plain spaces for the comparison: the strings carry French no-break spaces. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/[\u00a0\u202f]/g, ' '));

// The built-in CAP 2026 without its mapping from CAP 2023 (checked only against a database that has it).
function groupsOf(doc: unknown) {
  const r = validateReferential(doc, SERVICE_CODES);
  expect(r.ok).toBe(false);
  return r.ok ? [] : plain(groupErrors(doc, r.errors));
}

describe('groupErrors', () => {
  it('groups errors by question, in the order of the document, with French field names and the paths', () => {
    const doc = JSON.parse(JSON.stringify({ ...builtinReferential(), mapping: undefined }));
    doc.themes[3].criteria[0].questions[0].weight = 4;
    doc.themes[0].criteria[0].questions[1].weight = 0;
    doc.themes[0].criteria[0].questions[1].iso9001 = ['7.1', '4.9'];
    doc.themes[0].criteria[0].questions[1].recommendation.title = '';
    doc.themes[0].criteria[0].questions[1].recomendation = 'x';
    doc.label = 5;
    expect(groupsOf(doc)).toEqual([
      { title: 'Le document', context: '', errors: [{ field: 'libellé', message: 'un texte est attendu, pas 5', path: 'label' }] },
      {
        title: 'Question ID-1.2',
        context: 'n° 2 du critère ID-1, thème « Identité et projet »',
        errors: [
          { field: 'poids', message: 'doit être 1, 2 ou 3, pas 0', path: 'themes[0].criteria[0].questions[1].weight' },
          { field: 'clause ISO 9001 n° 2', message: expect.stringMatching(/^clause ISO 9001 inconnue « 4\.9 »/), path: 'themes[0].criteria[0].questions[1].iso9001[1]' },
          { field: 'titre de l’action recommandée', message: 'texte obligatoire', path: 'themes[0].criteria[0].questions[1].recommendation.title' },
          { field: 'champ « recomendation »', message: 'champ inconnu (faute de frappe ?)', path: 'themes[0].criteria[0].questions[1].recomendation' },
        ],
      },
      {
        title: 'Question AC-1.1',
        context: 'n° 1 du critère AC-1, thème « Amélioration continue »',
        errors: [{ field: 'poids', message: 'doit être 1, 2 ou 3, pas 4', path: 'themes[3].criteria[0].questions[0].weight' }],
      },
    ]);
  });

  it('names a criterion, a theme, and a question whose code is itself wrong by its position', () => {
    const doc = JSON.parse(JSON.stringify({ ...builtinReferential(), mapping: undefined }));
    doc.themes[1].criteria[1].questions[0].code = '';
    doc.themes[2].criteria[1].code = 'FS2';
    doc.themes[3].description = '';
    expect(groupsOf(doc)).toEqual([
      {
        title: 'Question n° 1',
        context: 'n° 1 du critère SV-2, thème « Services aux personnes en parcours et aux clients »',
        errors: [{ field: 'code', message: 'code attendu du type « ID-2.3 »', path: 'themes[1].criteria[1].questions[0].code' }],
      },
      {
        title: 'Critère FS2',
        context: 'n° 2 du thème « Fonctions support et ressources »',
        errors: [{ field: 'code', message: 'code attendu du type « ID-2 »', path: 'themes[2].criteria[1].code' }],
      },
      { title: 'Thème « Amélioration continue »', context: '', errors: [{ field: 'description', message: 'texte obligatoire', path: 'themes[3].description' }] },
    ]);
  });

  it('survives a document of any shape: no codes to read, the places are numbered', () => {
    const errors = [
      { path: 'themes[5].criteria[2].questions[7].levels[3]', message: 'texte obligatoire' },
      { path: '(document)', message: 'Le contenu n’est pas un JSON lisible.' },
    ];
    expect(plain(groupErrors(null, errors))).toEqual([
      { title: 'Question n° 8', context: 'n° 8 du critère n° 3 du thème n° 6', errors: [{ field: 'descripteur du niveau 3', message: 'texte obligatoire', path: errors[0]!.path }] },
      { title: 'Le document', context: '', errors: [{ field: '', message: 'Le contenu n’est pas un JSON lisible.', path: '(document)' }] },
    ]);
  });
});

describe('locate and fieldName', () => {
  it('split a path into its place and a French field', () => {
    expect(locate('themes[0].criteria[1].questions[2].services[0]')).toEqual({ theme: 0, criterion: 1, question: 2, rest: 'services[0]' });
    expect(locate('themes[2].criteria')).toEqual({ theme: 2, criterion: undefined, question: undefined, rest: 'criteria' });
    expect(locate('themes')).toEqual({ rest: 'themes' });
    expect(fieldName('services[0]').replace(/\u00a0/g, ' ')).toBe('service n° 1');
    expect(fieldName('levels[0]')).toBe('descripteur du niveau 0');
    expect(fieldName('appliesTo')).toBe('types de structure');
    expect(fieldName('recommendation.text')).toBe('texte de la recommandation');
    expect(fieldName('weight')).toBe('poids');
  });
});
