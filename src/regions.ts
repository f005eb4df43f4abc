// The regions of the federation's delegations: where an organisation sits, what a consultant follows.
export const REGIONS = [
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Hauts-de-France',
  'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire',
  'Provence-Alpes-Côte d’Azur', 'Guadeloupe', 'Guyane', 'Océan Indien',
] as const;
