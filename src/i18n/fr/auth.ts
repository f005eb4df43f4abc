import { MIN_PASSWORD_LENGTH } from '../../auth/password.ts';

export const auth = {
  loginTitle: 'Connexion',
  loginIntro: 'Connectez-vous pour accéder aux diagnostics de votre structure ou de votre région.',
  email: 'Adresse électronique',
  password: 'Mot de passe',
  passwordHint: `${MIN_PASSWORD_LENGTH} caractères au moins, sans reprendre l’adresse électronique. Une phrase de quelques mots est facile à retenir et difficile à deviner.`,
  passwordConfirm: 'Confirmez le mot de passe',
  passwordMismatch: 'Les deux mots de passe ne sont pas identiques.',
  passwordTooShort: `Le mot de passe doit compter ${MIN_PASSWORD_LENGTH} caractères au moins.`,
  policy: {
    containsEmail: 'Le mot de passe ne doit pas reprendre l’adresse électronique du compte.',
    repetitive: 'Ce mot de passe répète trop peu de caractères différents : choisissez-en un moins prévisible.',
    common: 'Ce mot de passe fait partie des plus courants, ceux qu’un attaquant essaie en premier : choisissez-en un autre, par exemple une phrase de quelques mots.',
  },
  submitLogin: 'Se connecter',
  loginFailed: 'Adresse électronique ou mot de passe incorrect.',
  throttled: (minutes: number) =>
    `Trop de tentatives de connexion. Par sécurité, attendez ${minutes} minute${minutes > 1 ? 's' : ''} avant de réessayer.`,
  loggedOut: 'Vous êtes déconnecté·e.',
  sessionExpired: 'Votre session a expiré. Reconnectez-vous.',
  setupTitle: 'Première installation',
  setupIntro: 'Aucun compte n’existe encore. Créez le compte de l’administrateur ou de l’administratrice de CAP.',
  setupName: 'Nom affiché',
  setupSubmit: 'Créer le compte administrateur',
  setupDone: 'Le compte administrateur est créé. Bienvenue dans CAP.',
  welcome: (name: string) => `Bonjour ${name}`,
};
