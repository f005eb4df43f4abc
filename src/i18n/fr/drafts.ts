// Strings of a diagnostic's life outside the questionnaire: the structure's open diagnostic,
// deleting a draft, archiving an old diagnostic and bringing it back.
import { frenchDate as date } from '../../dates.ts';

const nf = new Intl.NumberFormat('fr-FR');
const plural = (n: number, one: string, many: string) => `${nf.format(n)} ${n > 1 ? many : one}`;

export const drafts = {
  // The structure's open diagnostic (organisation page and home)
  openTitle: 'Diagnostic en cours',
  openOne: (d: string) => `Le diagnostic du ${date(d)} est en cours\u00a0: c’est lui que l’équipe remplit.`,
  oneAtATime: 'Un seul diagnostic peut être en cours à la fois. Pour en démarrer un autre, soumettez celui-ci ou, s’il ne sert plus, supprimez ce brouillon.',
  severalOpen: (n: number) =>
    `${nf.format(n)} diagnostics sont en cours pour cette structure, ouverts avant que CAP n’en limite le nombre à un. Gardez celui que l’équipe remplit (le plus avancé en général) et supprimez l’autre, ou demandez à l’administration de l’archiver.`,
  alreadyOpen: (d: string) => `Un diagnostic est déjà en cours pour cette structure\u00a0: celui du ${date(d)}. Le voici\u00a0; aucun autre n’a été créé.`,
  openLine: (answered: number, applicable: number) => `${nf.format(answered)} / ${plural(applicable, 'question répondue', 'questions répondues')}`,

  // Deleting a draft
  deleteLink: 'Supprimer ce brouillon',
  deleteLinkOf: (d: string) => `Supprimer le brouillon du ${date(d)}`,
  deletePageTitle: (d: string) => `Supprimer le brouillon du ${date(d)}`,
  deleteQuestion: (d: string) => `Supprimer le brouillon du ${date(d)}\u00a0?`,
  deleteWhat: (answers: number, remarks: number, actions: number, files: number) =>
    `${answers ? `Ses ${plural(answers, 'réponse', 'réponses')}` : 'Il n’a aucune réponse\u00a0; ses participants'}${files ? `, ${plural(files, 'justificatif joint', 'justificatifs joints')}` : ''}${remarks ? `, ${plural(remarks, 'remarque de la fédération', 'remarques de la fédération')}` : ''}${actions ? `, ${plural(actions, 'action du plan', 'actions du plan')}` : ''} seront supprimés avec lui.`,
  deleteFinal: 'La suppression est définitive\u00a0: rien ne pourra être récupéré. Elle est inscrite au journal des modifications.',
  deleteWho: (creator: string | null) => (creator ? `Commencé par ${creator}.` : ''),
  deleteConfirm: 'Oui, supprimer définitivement ce brouillon',
  deleteCancel: 'Non, revenir au diagnostic',
  deleted: (d: string, answers: number) => `Le brouillon du ${date(d)} est supprimé${answers ? `, avec ses ${plural(answers, 'réponse', 'réponses')}` : ''}.`,
  notDeletable: (status: string) => `Ce diagnostic est ${status.toLowerCase()}\u00a0: seul un brouillon jamais soumis peut être supprimé. L’administration peut l’archiver.`,
  deleteHint: 'Vous avez commencé ce brouillon\u00a0: vous pouvez le supprimer s’il ne sert plus.',
  deleteHintAdmin: 'En tant qu’administrateur·rice, vous pouvez supprimer ce brouillon s’il ne sert plus.',

  // Archiving
  archiveTitle: 'Archivage',
  archiveHint: 'Un diagnostic archivé reste consultable, en lecture seule\u00a0; il ne compte plus comme le dernier diagnostic de la structure ni dans les comparaisons. L’archivage se défait.',
  archiveButton: 'Archiver ce diagnostic',
  archived: (d: string) => `Le diagnostic du ${date(d)} est archivé.`,
  archivedNotice: (at: string, by: string | null, from: string) => `Ce diagnostic est archivé depuis le ${date(at)}${by ? ` par ${by}` : ''}\u00a0; il était «\u00a0${from.toLowerCase()}\u00a0».`,
  restoreButton: 'Désarchiver ce diagnostic',
  restored: (d: string, status: string) => `Le diagnostic du ${date(d)} est désarchivé\u00a0: il est de nouveau «\u00a0${status.toLowerCase()}\u00a0».`,
  restoreBlocked: (d: string) => `Ce diagnostic ne peut pas être désarchivé\u00a0: la structure a déjà un diagnostic en cours, celui du ${date(d)}. Un seul peut être en cours à la fois.`,
  alreadyArchived: 'Ce diagnostic est déjà archivé.',
  notArchived: 'Ce diagnostic n’est pas archivé.',
};
