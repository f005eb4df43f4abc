const int = (n: number) => n.toLocaleString('fr-FR');
const ago = (days: number) => (days < 1 ? 'aujourd’hui' : days === 1 ? 'il y a 1 jour' : `il y a ${int(days)} jours`);

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

  todo: {
    title: 'À faire',
    introConsultant: (regions: string[]) => `Ce qui attend la fédération dans ${regions.length > 1 ? 'vos régions' : 'votre région'} (${regions.join(', ')}), le plus ancien d’abord.`,
    introAdmin: 'Ce qui attend la fédération dans toutes les régions, le plus ancien d’abord.',
    reviews: (n: number) => `Diagnostics à relire (${int(n)})`,
    reviewsNone: 'Aucun diagnostic n’attend de relecture.',
    reviewItem: (date: string, days: number) => `soumis le ${date}, ${ago(days)}`,
    reviewsAll: 'Les voir tous dans le suivi fédéral, le plus ancien d’abord',
    changes: (n: number) => `Demandes de modifications sans réponse depuis plus de 30 jours (${int(n)})`,
    changesNone: 'Aucune demande de modifications n’attend depuis plus de 30 jours.',
    changeItem: (date: string, days: number) => `demandées le ${date}, ${ago(days)}`,
    changesAll: 'Tous les diagnostics renvoyés pour modifications',
    stale: (n: number) => `Structures sans diagnostic depuis plus de 12 mois (${int(n)})`,
    staleNone: 'Toutes les structures ont commencé un diagnostic dans les 12 derniers mois.',
    staleItem: (date: string | null) => (date ? `dernier diagnostic commencé le ${date}` : 'aucun diagnostic'),
    staleAll: 'Les voir toutes dans le suivi fédéral',
    replies: (n: number) => `Remarques auxquelles les membres ont répondu (${int(n)})`,
    repliesNone: 'Aucune réponse de membre n’attend votre lecture.',
    replyItem: (target: string, days: number) => `${target} : réponse ${ago(days)}`,
    replyTarget: { diagnostic: 'remarque sur le diagnostic', theme: (title: string) => `remarque sur le thème « ${title} »`, question: (code: string) => `remarque sur la question ${code}` },
    repliesMore: (n: number) => `Et ${int(n)} autre${n > 1 ? 's' : ''} : ${n > 1 ? 'elles apparaissent' : 'elle apparaît'} ici à mesure que vous répondez ou marquez les remarques comme traitées.`,
    more: (n: number) => `et ${int(n)} de plus`,
  },
};
