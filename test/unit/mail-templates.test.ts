// Every kind of message, rendered: subject naming the structure and the action, the same content
// in the text and HTML parts, the link, the footer (why, and where to change it), French
// typography, and nothing a payload carries can become markup.
import { describe, expect, it } from 'vitest';
import { renderMail, subjectOf, type Links } from '../../src/mail/templates.tsx';
import { of } from '../../src/i18n/fr/mail.ts';
import { MAIL_KINDS, topicOf, type ChangesRequestedPayload, type ConsultantReminderPayload, type InvitationPayload, type MailContent } from '../../src/mail/kinds.ts';

const BASE = 'https://cap.exemple.org';
const links: Links = { base: BASE, unsubscribe: `${BASE}/unsubscribe/u1.remark.sig` };
const diag = { diagnosticId: 'd1', organisationName: 'Garonne Services Emploi', region: 'Occitanie', diagnosticCreatedAt: '2026-02-17T10:00:00Z' };

const samples: Record<MailContent['kind'], MailContent> = {
  invitation: {
    kind: 'invitation',
    payload: { recipientName: 'Zoé Lefèvre', role: 'member', inviterName: 'Camille Durand', organisationNames: ['Garonne Services Emploi'], regions: [], expiresAt: '2026-03-09T09:00:00Z' },
    secret: 'jeton-invitation',
  },
  password_reset: { kind: 'password_reset', payload: { recipientName: 'Zoé Lefèvre', expiresAt: '2026-03-02T10:00:00Z' }, secret: 'jeton-reset' },
  submitted: { kind: 'submitted', payload: { ...diag, recipientName: 'Inès Martin', submitterName: 'Camille Durand' } },
  changes_requested: { kind: 'changes_requested', payload: { ...diag, recipientName: 'Camille Durand', reviewerName: 'Inès Martin', message: 'Précisez les preuves du thème 2.\nMerci\u202f!' } },
  remark: {
    kind: 'remark',
    payload: {
      ...diag,
      recipientName: 'Camille Durand',
      reviewerName: 'Inès Martin',
      remarks: [
        { where: 'Question ID-2.3', path: '/diagnostics/d1/themes/identite#remarques-question-ID-2-3', body: 'Joindre le projet associatif.' },
        { where: 'Le diagnostic', path: '/diagnostics/d1#remarques-diagnostic', body: 'Bon travail d’ensemble.' },
      ],
    },
  },
  validated: { kind: 'validated', payload: { ...diag, recipientName: 'Camille Durand', reviewerName: 'Inès Martin' } },
  reply: { kind: 'reply', payload: { ...diag, recipientName: 'Inès Martin', authorName: 'Camille Durand', where: 'Question ID-2.3', path: '/diagnostics/d1/themes/identite#remarques-question-ID-2-3', body: 'C’est fait.' } },
  reminder_member: {
    kind: 'reminder_member',
    payload: {
      ...diag,
      recipientName: 'Camille Durand',
      week: '2026-03-02',
      actions: [
        { title: 'Formaliser l’accueil des salariés en parcours', owner: 'Camille Durand', dueDate: '2026-02-20', overdue: true },
        { title: 'Mettre à jour le document unique', owner: '', dueDate: '2026-03-10', overdue: false },
      ],
    },
  },
  reminder_consultant: {
    kind: 'reminder_consultant',
    payload: {
      recipientName: 'Inès Martin',
      week: '2026-03-02',
      regions: ['Occitanie'],
      awaitingReview: [{ organisationId: 'o1', organisationName: 'Garonne Services Emploi', region: 'Occitanie', diagnosticId: 'd1', since: '2026-02-27T10:00:00Z' }],
      changesRequested: [],
      noRecentDiagnostic: [{ organisationId: 'o2', organisationName: 'Les Jardins du Lauragais', region: 'Occitanie', diagnosticId: null, since: null }],
    },
  },
};

function noticeLinks(kind: MailContent['kind']): Links {
  return topicOf(kind) ? links : { base: BASE };
}

describe('mail templates', () => {
  it.each(MAIL_KINDS.map((k) => [k]))('%s: subject, both parts, link, footer', (kind) => {
    const content = samples[kind];
    const m = renderMail(content, noticeLinks(kind));
    expect(m.subject).toBe(subjectOf(content));
    expect(m.text).toMatch(/^Bonjour .+,\n/);
    expect(m.html).toMatch(/^<!DOCTYPE html><html lang="fr">/);
    // The main link is in both parts, absolute.
    const link = m.text.split('\n').find((l) => l.startsWith(`${BASE}/`) && !l.includes('/account') && !l.includes('/unsubscribe'));
    expect(link).toBeTruthy();
    expect(m.html).toContain(`href="${link}"`);
    // The footer: why, and where to change it.
    expect(m.text).toMatch(/Vous recevez (cet avis|ce message) parce qu/);
    if (topicOf(kind)) {
      expect(m.text).toContain(`${BASE}/account#avis`);
      expect(m.text).toContain(links.unsubscribe!);
      expect(m.html).toContain(`href="${links.unsubscribe}"`);
    } else {
      expect(m.text).not.toContain('/unsubscribe/');
      expect(m.text).toMatch(/ignorez-le/);
    }
    // French typography: no ordinary space before : ; ? ! nor inside « ».
    for (const part of [m.subject, m.text]) {
      expect(part).not.toMatch(/ [:;?!](\s|$)/);
      expect(part).not.toMatch(/« | »/);
    }
  });

  it('subjects name the structure and the action', () => {
    expect(subjectOf(samples.submitted)).toBe('Diagnostic soumis\u00a0: Garonne Services Emploi');
    expect(subjectOf(samples.changes_requested)).toBe('Modifications demandées sur le diagnostic de Garonne Services Emploi');
    expect(subjectOf(samples.remark)).toBe('2\u00a0nouvelles remarques sur le diagnostic de Garonne Services Emploi');
    expect(subjectOf(samples.validated)).toBe('Diagnostic validé\u00a0: Garonne Services Emploi');
    expect(subjectOf(samples.invitation)).toBe('Invitation à rejoindre CAP pour Garonne Services Emploi');
    expect(subjectOf(samples.reminder_member)).toBe('Plan de progrès de Garonne Services Emploi\u00a0: 1\u00a0action en retard, 1\u00a0action à échéance dans les 14\u00a0jours');
    expect(subjectOf(samples.reminder_consultant)).toBe('Suivi de vos structures, semaine du 2 mars 2026\u00a0: 1\u00a0diagnostic à relire, 1\u00a0structure sans diagnostic depuis un an');
  });

  it('says what the message is about, in words', () => {
    const reminder = renderMail(samples.reminder_member, links).text;
    expect(reminder).toContain('Formaliser l’accueil des salariés en parcours');
    expect(reminder).toContain('échéance le 20 février 2026, responsable\u00a0: Camille Durand');
    expect(reminder).toContain('échéance le 10 mars 2026, sans responsable');
    expect(reminder).toContain(`${BASE}/diagnostics/d1/plan`);
    const changes = renderMail(samples.changes_requested, links).text;
    expect(changes).toContain('> Précisez les preuves du thème 2.\n> Merci\u202f!');
    const remark = renderMail(samples.remark, links);
    expect(remark.text).toContain(`${BASE}/diagnostics/d1/themes/identite#remarques-question-ID-2-3`);
    expect(remark.text).toContain('Joindre le projet associatif.');
    const consultant = renderMail(samples.reminder_consultant, links).text;
    expect(consultant).toContain('- Garonne Services Emploi\n');
    expect(consultant).toContain('soumis le 27 février 2026');
    expect(consultant).toContain(`${BASE}/organisations/o2`);
    expect(consultant).toContain('aucun diagnostic');
    const two = renderMail({ ...samples.reminder_consultant, payload: { ...(samples.reminder_consultant.payload as ConsultantReminderPayload), regions: ['Bretagne', 'Occitanie'] } } as MailContent, links).text;
    expect(two).toContain('- Garonne Services Emploi, Occitanie\n');
    expect(two).toContain('Voici les structures des régions Bretagne et Occitanie qui attendent un suivi cette semaine.');
    const invitation = renderMail(samples.invitation, { base: BASE }).text;
    expect(invitation).toContain(`${BASE}/invitations/jeton-invitation`);
    expect(invitation).toContain('Camille Durand vous invite à rejoindre CAP');
    expect(invitation).toContain('valable jusqu’au 9 mars 2026');
  });

  it('escapes whatever a payload carries in the HTML part', () => {
    const hostile: MailContent = {
      kind: 'changes_requested',
      payload: { ...diag, organisationName: '<b>Orga</b> & Cie', recipientName: '"><script>alert(1)</script>', reviewerName: 'Inès', message: '<img src=x onerror=alert(1)>' },
    };
    const m = renderMail(hostile, links);
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img');
    expect(m.html).not.toContain('<b>Orga');
    expect(m.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('writes « de » as French does before a name: d’, des, du', () => {
    expect(of('Garonne Services Emploi')).toBe('de Garonne Services Emploi');
    expect(of('Armor Intérim Solidaire')).toBe('d’Armor Intérim Solidaire');
    expect(of('Les Jardins du Lauragais')).toBe('des Jardins du Lauragais');
    expect(of('Le Relais')).toBe('du Relais');
    expect(of('La Ressourcerie')).toBe('de La Ressourcerie');
    expect(of('Écrin')).toBe('d’Écrin');
    const jardins = renderMail({ ...samples.changes_requested, payload: { ...(samples.changes_requested.payload as ChangesRequestedPayload), organisationName: 'Les Jardins du Lauragais' } } as MailContent, links);
    expect(jardins.subject).toBe('Modifications demandées sur le diagnostic des Jardins du Lauragais');
    expect(jardins.text).toContain('Vous recevez cet avis parce que vous êtes membre des Jardins du Lauragais sur CAP.');
    const byInes = renderMail({ ...samples.invitation, payload: { ...(samples.invitation.payload as InvitationPayload), inviterName: 'Inès Martin' } } as MailContent, { base: BASE });
    expect(byInes.text).toContain('parce qu’Inès Martin vous a invité·e');
  });

  it('names the role an invitation offers', () => {
    const consultant = renderMail({ kind: 'invitation', payload: { ...(samples.invitation.payload as InvitationPayload), role: 'consultant', organisationNames: [], regions: ['Bretagne', 'Occitanie'] }, secret: 'x' }, { base: BASE });
    expect(consultant.subject).toBe('Invitation à rejoindre CAP, conseil fédéral Bretagne, Occitanie');
    expect(consultant.text).toContain('pour accompagner les structures des régions Bretagne et Occitanie.');
  });
});
