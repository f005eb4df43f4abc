export const home = {
  intro:
    'CAP vous aide à faire le point sur les pratiques de votre structure, thème par thème, puis à bâtir un plan de progrès concret appuyé sur les services du réseau Coorace.',
  yourOrganisations: 'Vos structures',
  start: 'Commencer un diagnostic',
  continue: 'Continuer le diagnostic',
  results: 'Voir les résultats',
  plan: 'Plan de progrès',
  startNext: 'Démarrer le diagnostic suivant',
  noOrganisation: 'Votre compte n’est rattaché à aucune structure. Contactez votre délégation régionale.',
  federationCard: 'Les diagnostics et plans de progrès des structures que vous suivez, et la photographie de la région.',
  organisationsCard: (n: number) => `${n} structure${n > 1 ? 's' : ''} visible${n > 1 ? 's' : ''}.`,
  usersCard: 'Créer et gérer les comptes, les rattachements et les régions suivies.',
  referentialsCard: 'Les versions du référentiel CAP et le catalogue des services.',
};
