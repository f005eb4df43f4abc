// The federation’s offer of services, as the CAP referential points to it: each question names
// one to three of these codes, and the progress plan shows them with their contact line.
// This is the initial catalogue; admins edit names, descriptions and contacts afterwards, and add
// each service's contact person, e-mail, telephone and web page (the built-in text has none: they
// belong to the federation's staff of the day). A service for some structure types only is never
// proposed to the others.
import type { ServiceInput } from './schema.ts';

const FORMATION_CONTACT = 'Pôle formation Coorace (organisme certifié Qualiopi) — inscription en ligne sur la plateforme de formation Dendréo';
const JURIDIQUE_CONTACT = 'Service juridique Coorace — plateforme juridique, allo juriste par messagerie, téléphone, e-mail ou visio';
const DELEGATION_CONTACT = 'Délégation régionale Coorace';

export const SERVICES: ServiceInput[] = [
  // Formations du catalogue de l’organisme de formation
  {
    code: 'FORM-JURIDIQUE',
    name: 'Formations juridiques',
    kind: 'formation',
    description:
      "Des sessions pour maîtriser le droit applicable aux SIAE : conventionnement, contrats de travail en insertion, obligations de l’employeur. Elles aident dirigeants et encadrants à sécuriser leurs pratiques au fil des réformes.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-CULTURE-IAE',
    name: "Formations à la culture métier de l’IAE",
    kind: 'formation',
    description:
      "Des formations qui transmettent les repères communs de l’insertion par l’activité économique : son histoire, ses acteurs, ses dispositifs et le sens de l’accompagnement. Utiles pour intégrer de nouveaux permanents ou administrateurs.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-COMMERCIAL',
    name: 'Formations au développement commercial',
    kind: 'formation',
    description:
      "Des formations pour prospecter, fidéliser les clients et répondre aux marchés publics, y compris ceux qui comportent des clauses d’insertion. Elles renforcent l’autonomie économique de la structure.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-COMMUNICATION',
    name: 'Formations à la communication',
    kind: 'formation',
    description:
      "Des formations pour faire connaître le projet de la structure, son utilité sociale et ses services auprès des clients, des partenaires et du territoire. Elles aident à bâtir des messages et des supports adaptés.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-RH-MANAGEMENT',
    name: 'Formations ressources humaines et management',
    kind: 'formation',
    description:
      "Des formations pour organiser la fonction RH, encadrer les équipes permanentes et les salariés en parcours, et développer les compétences. Elles outillent directions et encadrants dans leur rôle de manager.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-PILOTAGE',
    name: "Formations au pilotage d’une SIAE",
    kind: 'formation',
    description:
      "Des formations pour piloter une structure d’insertion : gestion économique et financière, tableaux de bord, dialogue de gestion avec l’État et les financeurs. Elles donnent à la direction et au conseil d’administration une vision claire de la situation.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-QVT',
    name: 'Formations à la qualité de vie au travail',
    kind: 'formation',
    description:
      "Des formations pour améliorer les conditions de travail, prévenir les risques et faire de la qualité de vie au travail un sujet partagé avec les salariés. Elles concernent autant les permanents que les salariés en parcours.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-DEV-PRO',
    name: 'Formations au développement professionnel',
    kind: 'formation',
    description:
      "Des formations pour faire progresser les pratiques des professionnels de l’accompagnement et de l’encadrement, notamment autour des parcours et de l’accès à l’emploi durable. Elles soutiennent aussi l’évolution des salariés eux-mêmes.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-QUALITE',
    name: "Formations à l’amélioration continue et à la qualité",
    kind: 'formation',
    description:
      "Des formations pour installer une démarche d’amélioration continue : processus, indicateurs, écoute des clients et des salariés, actions correctives. Elles préparent le terrain d’une certification ISO 9001 ou d’un label RSE.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'FORM-FILIERE',
    name: 'Formations à la stratégie filière',
    kind: 'formation',
    description:
      "Des formations pour repérer les filières porteuses d’emploi sur son territoire et y positionner ses activités et ses parcours. Elles aident à construire des coopérations avec les entreprises d’un secteur.",
    contact: FORMATION_CONTACT,
  },
  {
    code: 'CIP-CERTIFIANT',
    name: "Parcours certifiant « CIP – coordinateur de projets d’utilité sociale et territoriale »",
    kind: 'formation',
    description:
      "Une formation certifiante qui conduit au titre professionnel CIP de niveau 5, complété pour l’exercice du métier en SIAE. Elle place le pouvoir d’agir et la dignité des personnes accompagnées, ainsi que la coopération avec le territoire, au cœur du métier de conseiller en insertion.",
    contact: 'Pôle formation Coorace — parcours certifiant CIP, inscription sur la plateforme de formation Dendréo',
  },

  // Appui juridique
  {
    code: 'JUR-PLATEFORME',
    name: 'Plateforme juridique et allo juriste',
    kind: 'juridique',
    description:
      "Les juristes de la fédération répondent aux questions des adhérents sur la réglementation de l’IAE et le droit du travail. Les demandes passent par la plateforme juridique, et les urgences par la messagerie « allo juriste », le téléphone, l’e-mail ou la visio.",
    contact: JURIDIQUE_CONTACT,
  },
  {
    code: 'JUR-ATELIERS',
    name: "Ateliers juridiques, webinaires d’actualité et boîte à outils",
    kind: 'juridique',
    description:
      "Des ateliers régionaux et nationaux (CDI inclusion pour les 57 ans et plus, triple exclusivité des ETTI, nouvelles possibilités de contrats…), des webinaires d’actualité, des notes et articles juridiques. Une boîte à outils de modèles de documents complète l’ensemble.",
    contact: 'Service juridique Coorace — programme des ateliers et webinaires, en lien avec la délégation régionale',
  },

  // Accompagnements
  {
    code: 'GES-TRIPLE-EXCLUSIVITE',
    name: 'Mise en conformité du GES avec la triple exclusivité des ETTI',
    kind: 'accompagnement',
    description:
      "Un accompagnement de l’ensemblier ou du groupe économique solidaire pour respecter la triple exclusivité imposée aux ETTI (activité, public et moyens). Il aide à revoir l’organisation du groupe, le partage des moyens et les conventions entre structures.",
    contact: 'Service juridique Coorace, avec la délégation régionale',
    // The triple exclusivity (activity, public, means) is a rule of the ETTI.
    structureTypes: ['ETTI'],
  },
  {
    code: 'SANTE-TRAVAIL',
    name: 'Santé au travail',
    kind: 'accompagnement',
    description:
      "Des webinaires et un appui pour appliquer la réforme de la santé au travail de 2021 : mise à jour du DUER, passeport de prévention, nouvelles visites médicales, formations obligatoires à la sécurité. Les adhérents y échangent aussi sur leurs relations avec les services de prévention et de santé au travail.",
    contact: 'Service juridique Coorace — webinaires santé au travail',
  },
  {
    code: 'DIALOGUE-SOCIAL',
    name: 'Dialogue social',
    kind: 'accompagnement',
    description:
      "Des ateliers et webinaires pour faire vivre le dialogue social, y compris avec les salariés en parcours. La fédération accompagne la mise en place d’une commission des salariés en parcours au sein du CSE et diffuse son rapport sur le dialogue social dans l’IAE, réalisé avec l’ANACT.",
    contact: 'Coorace national — dialogue social, en lien avec la délégation régionale',
  },
  {
    code: 'VITA-AIR',
    name: 'Vita Air',
    kind: 'accompagnement',
    description:
      "Une démarche de diagnostic des postes de travail chez les entreprises clientes, pour rapprocher les compétences des salariés en parcours des besoins réels du territoire. Elle sert à construire des passerelles vers l’emploi durable.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'ZEST',
    name: 'Zest',
    kind: 'accompagnement',
    description:
      "Une solution pour créer des passerelles vers les filières qui recrutent, comme le bâtiment (Zest BTP) ou le médico-social. Elle associe la structure, les entreprises du secteur et les salariés en parcours autour de parcours vers l’emploi.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'PTCE',
    name: 'Dispositif national de soutien des PTCE',
    kind: 'accompagnement',
    description:
      "Coorace anime, pour l’État et plusieurs réseaux de l’ESS, le dispositif national de soutien aux pôles territoriaux de coopération économique. Les adhérents qui créent ou rejoignent un PTCE y trouvent un bouquet de services et des webinaires, notamment sur l’approche filière.",
    contact: 'Coorace national — animation du dispositif PTCE, en lien avec la délégation régionale',
  },
  {
    code: 'ATELIERS-FILIERES',
    name: "Ateliers filières « l’innovation de demain au service de l’emploi »",
    kind: 'accompagnement',
    description:
      "Des ateliers en région pour repérer les filières porteuses et à fort potentiel d’emploi sur un territoire. Ils aident la structure à choisir où développer ses activités et ses passerelles vers l’emploi.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'ALTERNANCE-CPI',
    name: 'Alternance : contrat de professionnalisation inclusion (CPI)',
    kind: 'accompagnement',
    description:
      "Un appui pour mobiliser le contrat de professionnalisation inclusion et les contrats de professionnalisation au service des salariés en parcours. Le CPI associe une formation qualifiante à des modules sur les savoirs de base ; ateliers d’échange et outils de promotion sont proposés.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'CAP-ACCOMPAGNE',
    name: 'CAP accompagné et formation CAP',
    kind: 'accompagnement',
    description:
      "Une journée de diagnostic CAP menée avec un consultant de la fédération, qui réunit permanents, salariés et administrateurs et aide à bâtir le plan de progrès. Une formation à la démarche CAP permet ensuite à la structure de la faire vivre elle-même.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'CAP-ISO9001',
    name: '« CAP ISO 9001 »',
    kind: 'accompagnement',
    description:
      "Un accompagnement vers la certification ISO 9001, en individuel ou en groupe avec d’autres adhérents, qui prend le relais de l’ancienne certification collective CEDRE. Il s’appuie sur les résultats du diagnostic CAP pour préparer l’audit.",
    contact: 'Délégation régionale Coorace — démarches qualité',
  },
  {
    code: 'CAP-RSE',
    name: '« CAP RSE »',
    kind: 'accompagnement',
    description:
      "Un accompagnement vers un label RSE, organisé par niveaux de maturité. Il part du diagnostic CAP pour structurer la responsabilité sociétale de la structure et la valoriser auprès de ses clients et partenaires.",
    contact: 'Délégation régionale Coorace — démarches qualité',
  },
  {
    code: 'AMBASSADEURS',
    name: 'Programme ambassadeurs',
    kind: 'accompagnement',
    description:
      "Un programme pour les adhérents qui représentent le réseau dans les instances de l’emploi et de l’insertion, notamment la commission spécialisée IAE du comité départemental pour l’emploi, qui a remplacé le CDIAE le 1er juillet 2024 : journée de formation, échanges sur la posture de représentant et kits de plaidoyer prêts à l’emploi. Il renforce la place de la structure dans les instances de son territoire.",
    contact: 'Coorace national — plaidoyer, en lien avec la délégation régionale',
  },

  // Outils
  {
    code: 'COOACTIV',
    name: "CooActiv’",
    kind: 'outil',
    description:
      "Un outil numérique, conçu avec Co-Savoirs et Sayaris, pour le suivi socio-professionnel, la gestion des compétences (GPEC) et la gestion des formations. Il évalue les compétences techniques et comportementales des salariés en parcours et fait le lien avec la VAE et les certifications du RNCP.",
    contact: "Délégation régionale Coorace — présentation et mise en place de CooActiv’",
  },
  {
    code: 'COODIAG',
    name: 'Coodiag',
    kind: 'outil',
    description:
      "Une démarche de diagnostic territorial pour comprendre les besoins et les acteurs de son territoire. Elle aide la structure à ancrer son projet et à repérer des coopérations possibles.",
    contact: DELEGATION_CONTACT,
  },
  {
    code: 'ROUAGES-COOPERATION',
    name: '« Les rouages de la coopération »',
    kind: 'outil',
    description:
      "Un outil pour identifier le processus de coopération à développer avec les acteurs d’un territoire. Il aide à passer d’intentions de partenariat à une coopération organisée au service de l’emploi.",
    contact: DELEGATION_CONTACT,
  },

  // Partenaires
  {
    code: 'ANCV-VACANCES',
    name: 'Vacances des salariés en parcours (ANCV)',
    kind: 'partenaire',
    description:
      "Grâce au partenariat avec l’ANCV, les salariés en parcours et leurs proches peuvent partir en vacances avec une prise en charge allant jusqu’à 75 % des dépenses. La structure accompagne le projet de départ.",
    contact: 'Coorace national — partenariat ANCV, relayé par la délégation régionale',
  },
  {
    code: 'AVANTAGES-SALARIES',
    name: 'Avantages pour les salariés',
    kind: 'partenaire',
    description:
      "Des solutions pour offrir des avantages aux salariés : épargne salariale avec le Crédit Coopératif, titres-restaurant et chèques cadeaux avec Up et UpCoop. Des webinaires présentent leur mise en place en SIAE.",
    contact: 'Coorace national — partenariats Crédit Coopératif et Up / UpCoop',
  },
  {
    code: 'HARMONIE-MUTUELLE',
    name: 'Harmonie Mutuelle ESS : santé, prévoyance et qualité de vie au travail',
    kind: 'partenaire',
    description:
      "Un partenariat avec Harmonie Mutuelle ESS pour la complémentaire santé et la prévoyance collective des salariés. La fédération et la mutuelle travaillent aussi ensemble sur la qualité de vie au travail.",
    contact: 'Coorace national — partenariat Harmonie Mutuelle ESS',
  },

  // Financement
  {
    code: 'CREDIT-COOPERATIF',
    name: 'Financement avec le Crédit Coopératif',
    kind: 'financement',
    description:
      "Le Crédit Coopératif, partenaire de la fédération, appuie le développement des adhérents. Les projets qui demandent beaucoup d’investissement peuvent être financés en fonds propres ou en dette par l’intermédiaire de sa filiale ; le partenariat soutient aussi le microcrédit social.",
    contact: 'Coorace national — partenariat Crédit Coopératif',
  },
  {
    code: 'FG2I',
    name: "Fonds de garantie pour l’intérim d’insertion (FG2I)",
    kind: 'financement',
    description:
      "Un fonds de garantie dédié à l’intérim d’insertion, géré dans le cadre du partenariat avec le Crédit Coopératif. Il aide les ETTI à obtenir les garanties dont elles ont besoin pour exercer et se développer.",
    contact: 'Coorace national — partenariat Crédit Coopératif (FG2I)',
    structureTypes: ['ETTI'],
  },
];
