// « Mon compte » (password, personal data) and the deletion of an account by an admin.
import { MIN_PASSWORD_LENGTH } from '../../auth/password.ts';

export const DELETED_USER_NAME = 'utilisateur supprimé';

export const account = {
  title: 'Mon compte',
  identity: 'Mes informations',
  name: 'Nom affiché',
  email: 'Adresse électronique',
  role: 'Rôle',
  organisations: 'Structures',
  regions: 'Régions suivies',
  none: 'Aucune',
  identityHint: 'Pour corriger votre nom ou votre adresse, adressez-vous à l’administration de CAP.',

  passwordTitle: 'Changer mon mot de passe',
  passwordIntro: 'Vos autres sessions (sur un autre appareil ou un autre navigateur) seront fermées ; celle-ci reste ouverte.',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  newPasswordHint: `${MIN_PASSWORD_LENGTH} caractères au moins. Une phrase de quelques mots est plus facile à retenir et plus sûre.`,
  newPasswordConfirm: 'Confirmez le nouveau mot de passe',
  changePassword: 'Changer le mot de passe',
  currentPasswordWrong: 'Le mot de passe actuel n’est pas le bon.',
  samePassword: 'Le nouveau mot de passe doit être différent de l’actuel.',
  passwordChanged: 'Votre mot de passe est changé. Vos autres sessions sont fermées.',

  dataTitle: 'Mes données',
  dataIntro:
    'Vous pouvez télécharger les données personnelles que CAP conserve à votre sujet : votre compte, vos structures ou régions, les réponses et commentaires que vous avez saisis, vos remarques de relecture, les actions que vous avez modifiées, vos sessions, les courriels que CAP vous a envoyés, vos choix d’avis et le journal des opérations qui vous concernent ou que vous avez faites.',
  dataDownload: 'Télécharger mes données (JSON)',
  dataDeletion: 'Pour faire supprimer votre compte, adressez-vous à l’administration de CAP : vos réponses resteront dans les diagnostics de votre structure, attribuées à « utilisateur supprimé ».',
  exportNotice:
    'Données personnelles conservées par CAP au sujet de ce compte, à la date indiquée. Les détails des opérations portant sur d’autres comptes sont omis.',

  // Deletion by an admin
  deleteLink: 'Supprimer ce compte…',
  deleteTitle: (name: string) => `Supprimer le compte de ${name}`,
  deleteIntro: 'La suppression est définitive. Voici ce qu’elle fait :',
  deleteEffects: [
    'le nom et l’adresse électronique sont effacés, le compte ne peut plus se connecter ;',
    'ses rattachements aux structures et aux régions sont retirés, ses sessions sont fermées ;',
    `les réponses, commentaires et actions déjà saisis restent dans les diagnostics, attribués à « ${DELETED_USER_NAME} ».`,
  ],
  deleteWritten: (answers: number, comments: number, files = 0) =>
    `Ce compte a saisi ${answers} réponse${answers > 1 ? 's' : ''} et ${comments} remarque${comments > 1 ? 's' : ''} de relecture${files ? `, et joint ${files} justificatif${files > 1 ? 's' : ''}` : ''}.`,
  deleteConfirm: 'Supprimer définitivement',
  deleteCancel: 'Annuler et revenir au compte',
  deleted: 'Le compte est supprimé. Ses réponses restent, attribuées à « utilisateur supprimé ».',
  cannotDeleteSelf: 'Vous ne pouvez pas supprimer votre propre compte.',
};
