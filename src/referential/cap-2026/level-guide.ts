// How to choose a level in CAP 2026, shown at the top of each theme of the questionnaire.
import type { LevelGuide } from '../schema.ts';

export const LEVEL_GUIDE: LevelGuide = {
  intro:
    'Chaque question décrit cinq niveaux pour son sujet. Lisez-les tous, puis retenez le plus haut niveau dont la description est entièrement vraie aujourd’hui dans la structure.',
  levels: [
    'Rien n’est en place : la pratique n’existe pas ou n’est pas connue.',
    'Pratique ponctuelle ou informelle : elle dépend de quelques personnes et ne laisse pas de trace.',
    'En place, mais en partie : la pratique existe, incomplète, irrégulière ou sans écrit.',
    'Formalisé, appliqué et suivi : la pratique est écrite, appliquée partout où elle doit l’être et suivie.',
    'Résultats mesurés au regard d’objectifs : les résultats sont comparés à des cibles et leur évolution sur plusieurs années est connue et analysée.',
  ],
  advice: [
    'Un niveau atteint à moitié compte pour le niveau inférieur : retenez un niveau seulement si tout ce qu’il décrit est vrai.',
    'Appuyez-vous sur des preuves — documents, chiffres, pratiques observables — et notez-les dans le commentaire ; les exemples sous chaque question aident.',
    'Le niveau 4 demande des chiffres : des objectifs, des résultats mesurés et leur tendance, pas seulement une bonne pratique ou un partage avec le réseau.',
    'Pour une question qui porte sur une obligation légale, un niveau inférieur au niveau de conformité indiqué signale une obligation légale à sécuriser, placée en tête du plan de progrès.',
    'Répondez « Non applicable » seulement quand l’aide de la question le prévoit ; en cas de doute, répondez et expliquez-vous dans le commentaire.',
    'Décidez en équipe : quand les avis divergent, retenez le niveau que chacun peut justifier et notez le désaccord.',
  ],
};
