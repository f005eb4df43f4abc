// The e-mails CAP sends: subjects, bodies and footers, in French. Dates are read in Paris time.
import { frenchDate, frenchDay } from '../../dates.ts';
import type { NoticeTopic } from '../../mail/kinds.ts';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

const names = (regions: readonly string[]) => (regions.length <= 1 ? (regions[0] ?? '') : `${regions.slice(0, -1).join(', ')} et ${regions.at(-1)}`);

/** « la région Occitanie », « les régions Bretagne et Occitanie ». */
function regionList(regions: readonly string[]): string {
  return `${regions.length > 1 ? 'les régions' : 'la région'} ${names(regions)}`;
}

/** « de la région Occitanie », « des régions Bretagne et Occitanie ». */
function ofRegions(regions: readonly string[]): string {
  return `${regions.length > 1 ? 'des régions' : 'de la région'} ${names(regions)}`;
}

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** « de Garonne… », « d’Armor… », « des Jardins… » (Les Jardins…), « du Relais… » (Le Relais…). */
export function of(name: string): string {
  if (/^Les\s/.test(name)) return `des ${name.slice(4)}`;
  if (/^Le\s/.test(name)) return `du ${name.slice(3)}`;
  return VOWEL.test(name) ? `d’${name}` : `de ${name}`;
}

/** « parce que Camille… », « parce qu’Inès… ». */
const becauseOf = (name: string) => (VOWEL.test(name) ? `parce qu’${name}` : `parce que ${name}`);

/** « le diagnostic du 2 mars 2026 de Garonne Services Emploi » */
const diagnosticOf = (org: string, createdAt: string) => `le diagnostic du ${frenchDate(new Date(createdAt))} ${of(org)}`;

export const mail = {
  hello: (name: string) => `Bonjour ${name},`,
  signature: 'L’équipe CAP — Coorace Ambition Progrès',
  appName: 'CAP',

  topics: {
    submitted: 'Diagnostic soumis à votre relecture',
    changes_requested: 'Modifications demandées par la fédération',
    remark: 'Remarques de relecture',
    validated: 'Diagnostic validé',
    reply: 'Réponses à vos remarques',
    reminders: 'Rappel du lundi',
  } satisfies Record<NoticeTopic, string>,
  topicHints: {
    submitted: 'quand une structure de vos régions soumet son diagnostic',
    changes_requested: 'quand la fédération demande des modifications au diagnostic de votre structure',
    remark: 'quand la fédération laisse des remarques sur le diagnostic de votre structure',
    validated: 'quand la fédération valide le diagnostic de votre structure',
    reply: 'quand une structure répond à l’une de vos remarques',
    reminders: 'chaque lundi matin, ce qui arrive à échéance ou attend un suivi',
  } satisfies Record<NoticeTopic, string>,

  footer: {
    member: (org: string) => `Vous recevez cet avis parce que vous êtes membre ${of(org)} sur CAP.`,
    consultant: (regions: readonly string[]) => `Vous recevez cet avis parce que vous suivez ${regionList(regions)} sur CAP.`,
    unsubscribe: (topic: string) => `Ne plus recevoir les avis « ${topic} » :`,
    unsubscribeLink: 'se désabonner en un clic',
    preferences: 'Choisir les avis que vous recevez, dans « Mon compte » :',
    preferencesLink: 'mes préférences',
    invitation: (inviter: string, expiresAt: string) =>
      `Vous recevez ce message ${becauseOf(inviter)} vous a invité·e à rejoindre CAP. Si vous ne souhaitez pas de compte, ignorez-le : l’invitation expire d’elle-même le ${frenchDate(new Date(expiresAt))} et aucun compte n’est créé sans vous.`,
    passwordReset:
      'Vous recevez ce message parce qu’un nouveau mot de passe a été demandé pour cette adresse sur CAP. Si ce n’est pas vous, ignorez-le : votre mot de passe reste le même. Ce message concerne la sécurité de votre compte ; il ne peut pas être désactivé.',
  },

  invitation: {
    subject: (p: { role: string; organisationNames: string[]; regions: string[] }) =>
      p.role === 'member'
        ? `Invitation à rejoindre CAP pour ${p.organisationNames.join(', ')}`
        : p.role === 'consultant'
          ? `Invitation à rejoindre CAP, conseil fédéral ${p.regions.join(', ')}`
          : 'Invitation à administrer CAP',
    intro: (p: { inviterName: string; role: string; organisationNames: string[]; regions: string[] }) =>
      p.role === 'member'
        ? `${p.inviterName} vous invite à rejoindre CAP, l’outil d’autodiagnostic et de plan de progrès du réseau Coorace, comme membre ${p.organisationNames.map(of).join(', ')}.`
        : p.role === 'consultant'
          ? `${p.inviterName} vous invite à rejoindre CAP, l’outil d’autodiagnostic et de plan de progrès du réseau Coorace, pour accompagner les structures ${ofRegions(p.regions)}.`
          : `${p.inviterName} vous invite à administrer CAP, l’outil d’autodiagnostic et de plan de progrès du réseau Coorace.`,
    action: 'Choisissez votre mot de passe pour ouvrir votre compte :',
    button: 'Ouvrir mon compte',
    expiry: (expiresAt: string) => `Ce lien ne sert qu’une fois et reste valable jusqu’au ${frenchDate(new Date(expiresAt))}.`,
  },

  passwordReset: {
    subject: 'Réinitialisation de votre mot de passe CAP',
    intro: 'Vous avez demandé à choisir un nouveau mot de passe pour votre compte CAP.',
    action: 'Choisissez-le ici :',
    button: 'Choisir un nouveau mot de passe',
    expiry: 'Ce lien ne sert qu’une fois et reste valable une heure. Une fois le mot de passe changé, vos autres sessions sont fermées.',
  },

  submitted: {
    subject: (org: string) => `Diagnostic soumis : ${org}`,
    intro: (p: { organisationName: string; diagnosticCreatedAt: string; submitterName: string; region: string }) =>
      `${p.submitterName} a soumis ${diagnosticOf(p.organisationName, p.diagnosticCreatedAt)} (${p.region}). Il attend votre relecture : vous pouvez laisser des remarques, demander des modifications ou le valider.`,
    button: 'Relire le diagnostic',
  },

  changesRequested: {
    subject: (org: string) => `Modifications demandées sur le diagnostic ${of(org)}`,
    intro: (p: { organisationName: string; diagnosticCreatedAt: string; reviewerName: string }) =>
      `${p.reviewerName} demande des modifications sur ${diagnosticOf(p.organisationName, p.diagnosticCreatedAt)}. Son message :`,
    after: 'Le diagnostic est de nouveau modifiable ; soumettez-le une fois les modifications faites.',
    button: 'Ouvrir le diagnostic',
  },

  remark: {
    subject: (org: string, n: number) => (n > 1 ? `${n} nouvelles remarques sur le diagnostic ${of(org)}` : `Nouvelle remarque sur le diagnostic ${of(org)}`),
    intro: (p: { organisationName: string; diagnosticCreatedAt: string; reviewerName: string }, n: number) =>
      `${p.reviewerName} a laissé ${n > 1 ? `${n} remarques` : 'une remarque'} sur ${diagnosticOf(p.organisationName, p.diagnosticCreatedAt)} :`,
    see: 'Voir',
    onDiagnostic: 'Le diagnostic dans son ensemble',
    onTheme: (title: string) => `Thème « ${title} »`,
    onQuestion: (code: string) => `Question ${code}`,
    button: 'Ouvrir le diagnostic',
  },

  validated: {
    subject: (org: string) => `Diagnostic validé : ${org}`,
    intro: (p: { organisationName: string; diagnosticCreatedAt: string; reviewerName: string }) =>
      `${p.reviewerName} a validé ${diagnosticOf(p.organisationName, p.diagnosticCreatedAt)}. La validation figure sur les résultats et sur le PDF du plan de progrès.`,
    button: 'Voir les résultats',
  },

  reply: {
    subject: (org: string) => `Réponse ${of(org)} à votre remarque`,
    intro: (p: { organisationName: string; authorName: string; where: string }) => `${p.authorName} (${p.organisationName}) a répondu à votre remarque (${p.where}) :`,
    button: 'Voir la réponse',
  },

  reminderMember: {
    subject: (org: string, overdue: number, soon: number) =>
      `Plan de progrès ${of(org)} : ${[overdue ? `${plural(overdue, 'action', 'actions')} en retard` : '', soon ? `${plural(soon, 'action', 'actions')} à échéance dans les 14 jours` : ''].filter(Boolean).join(', ')}`,
    intro: (org: string, week: string) => `Voici, pour la semaine du ${frenchDay(week)}, les actions du plan de progrès ${of(org)} qui demandent votre attention.`,
    overdueTitle: 'En retard',
    soonTitle: 'À échéance dans les 14 jours',
    due: (day: string) => `échéance le ${frenchDay(day)}`,
    owner: (owner: string) => (owner ? `responsable : ${owner}` : 'sans responsable'),
    button: 'Ouvrir le plan de progrès',
  },

  reminderConsultant: {
    subject: (week: string, counts: { review: number; changes: number; stale: number }) =>
      `Suivi de vos structures, semaine du ${frenchDay(week)} : ${[
        counts.review ? `${plural(counts.review, 'diagnostic', 'diagnostics')} à relire` : '',
        counts.changes ? `${plural(counts.changes, 'modification demandée', 'modifications demandées')} sans suite` : '',
        counts.stale ? `${plural(counts.stale, 'structure', 'structures')} sans diagnostic depuis un an` : '',
      ]
        .filter(Boolean)
        .join(', ')}`,
    intro: (regions: readonly string[]) => `Voici les structures ${ofRegions(regions)} qui attendent un suivi cette semaine.`,
    reviewTitle: 'Diagnostics qui attendent votre relecture',
    changesTitle: 'Modifications demandées il y a plus de 30 jours',
    staleTitle: 'Aucun diagnostic depuis plus de 12 mois',
    submittedOn: (at: string) => `soumis le ${frenchDate(new Date(at))}`,
    requestedOn: (at: string) => `demandées le ${frenchDate(new Date(at))}`,
    lastOn: (at: string | null) => (at ? `dernier diagnostic commencé le ${frenchDate(new Date(at))}` : 'aucun diagnostic'),
    button: 'Ouvrir le suivi fédéral',
  },
};
