import { MIN_PASSWORD_LENGTH } from '../../auth/password.ts';

export const auth = {
  loginTitle: 'Connexion',
  loginIntro: 'Connectez-vous pour accéder aux diagnostics de votre structure ou de votre région.',
  email: 'Adresse électronique',
  password: 'Mot de passe',
  passwordHint: `${MIN_PASSWORD_LENGTH} caractères au moins.`,
  passwordConfirm: 'Confirmez le mot de passe',
  passwordMismatch: 'Les deux mots de passe ne sont pas identiques.',
  passwordTooShort: `Le mot de passe doit compter ${MIN_PASSWORD_LENGTH} caractères au moins.`,
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
