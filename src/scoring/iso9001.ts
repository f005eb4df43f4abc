// ISO 9001:2015 readiness is read per clause group (4 to 10): finer clauses carry too few
// questions each to mean anything, and certification audits are organised by these groups.

export const ISO9001_GROUPS = ['4', '5', '6', '7', '8', '9', '10'] as const;
export type Iso9001Group = (typeof ISO9001_GROUPS)[number];

export const ISO9001_GROUP_LABELS: Readonly<Record<Iso9001Group, string>> = {
  '4': 'Contexte de l’organisation',
  '5': 'Leadership',
  '6': 'Planification',
  '7': 'Support',
  '8': 'Réalisation des activités opérationnelles',
  '9': 'Évaluation des performances',
  '10': 'Amélioration',
};

/** '9.1.2' → '9'. Clauses come from the referential schema, so the group is always one of the seven. */
export function clauseGroup(clause: string): Iso9001Group {
  const dot = clause.indexOf('.');
  return (dot === -1 ? clause : clause.slice(0, dot)) as Iso9001Group;
}
