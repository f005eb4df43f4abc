// Theme 2 of the CAP 2023 referential: what the structure offers to the people in inclusion
// pathways (reception, contract, support, training, exit) and to its economic clients.
import type { StructureType } from '../schema.ts';
import { ALL_TYPES, type ThemeInput } from './types.ts';

/** The five kinds of SIAE conventionnées by the State (PASS IAE, aide au poste). */
const SIAE: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'EITI'];
/** Structures that accompany people through a time-limited pathway. */
const PARCOURS: StructureType[] = [...SIAE, 'GEIQ'];

export const theme: ThemeInput = {
  slug: 'services',
  title: 'Services aux salariés en parcours et aux clients',
  description:
    'Ce thème regarde ce que la structure apporte concrètement aux personnes qu’elle accueille — accueil, contrat, accompagnement, formation, préparation de la sortie — et à ses clients : commandes claires, prestations maîtrisées, écoute de leur satisfaction et de leurs réclamations, développement commercial. Il rassemble aussi les règles propres à certains types de structures (AI, ETTI).',
  criteria: [
    {
      code: 'SV-1',
      title: 'Accueil, éligibilité et engagement réciproque',
      description:
        'De la première rencontre à la signature du contrat : vérifier l’éligibilité, accueillir et intégrer la personne, fixer avec elle les objectifs de son parcours.',
      questions: [
        {
          code: 'SV-1.1',
          text: 'Chaque embauche en parcours est-elle précédée d’un PASS IAE délivré sur la plateforme de l’inclusion, avec un contrôle d’éligibilité dont les justificatifs sont conservés ?',
          help: 'Depuis la réforme de 2021 (loi du 14 décembre 2020, décret du 30 août 2021), l’éligibilité se vérifie sur la plateforme de l’inclusion, par un prescripteur ou par la structure elle-même. Quand la structure valide elle-même l’éligibilité, elle doit pouvoir présenter les justificatifs lors du contrôle a posteriori ; sans PASS IAE valide, pas d’aide au poste.',
          levels: [
            'Des personnes sont embauchées sans vérification d’éligibilité ni PASS IAE.',
            'Le PASS IAE est généralement demandé, mais les justificatifs d’éligibilité sont rarement conservés et la pratique dépend de la personne qui recrute.',
            'Chaque embauche passe par la plateforme de l’inclusion ; les justificatifs existent mais leur classement est incomplet ou hétérogène.',
            'Une procédure écrite encadre le contrôle d’éligibilité, les justificatifs sont classés par salarié et les dates d’échéance des PASS IAE sont suivies.',
            'La procédure est vérifiée chaque année (contrôle interne ou contrôle a posteriori réussi), améliorée et partagée avec les prescripteurs du territoire.',
          ],
          evidence: [
            'Procédure écrite de recrutement et de contrôle d’éligibilité',
            'Dossiers de salariés avec PASS IAE et pièces justificatives',
            'Tableau de suivi des dates de fin de PASS IAE',
            'Compte rendu du dernier contrôle a posteriori',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: SIAE,
          iso9001: ['8.2', '7.5'],
          iso26000: ['droits-humains', 'loyaute-pratiques'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Écrire la procédure de contrôle d’éligibilité et suivre les échéances des PASS IAE',
            text:
              'Écrire une procédure courte de contrôle d’éligibilité, avec la liste des pièces à conserver et un tableau des échéances de PASS IAE. En cas de doute sur un critère, interroger la plateforme juridique de Coorace.',
          },
        },
        {
          code: 'SV-1.2',
          text: 'Un livret d’accueil et un déroulé d’intégration (visite, consignes de sécurité, présentation du référent) sont-ils remis et expliqués à chaque nouveau salarié ?',
          help: 'Un accueil organisé réduit les abandons des premières semaines et les accidents. Le livret présente la structure, ses valeurs, le règlement intérieur, les droits et devoirs, les interlocuteurs et le déroulement du parcours.',
          levels: [
            'Aucun livret ni déroulé d’accueil : chacun découvre la structure en travaillant.',
            'L’accueil est fait oralement, de façon variable selon l’encadrant ou la période.',
            'Un livret existe mais il est ancien ou incomplet, et il n’est pas toujours remis ni commenté.',
            'Le livret à jour est remis et expliqué lors d’un temps d’accueil planifié ; une fiche signée atteste des étapes d’intégration.',
            'Le livret et l’accueil sont revus chaque année avec des salariés en parcours, en version facile à lire, et l’outil est partagé avec d’autres structures.',
          ],
          evidence: [
            'Livret d’accueil daté',
            'Fiche ou check-list d’intégration signée par le salarié',
            'Planning des sessions d’accueil',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['8.5', '7.3'],
          iso26000: ['relations-conditions-travail', 'droits-humains'],
          services: ['FORM-CULTURE-IAE', 'FORM-COMMUNICATION'],
          recommendation: {
            title: 'Actualiser le livret d’accueil et formaliser une check-list d’intégration',
            text:
              'Rédiger ou actualiser le livret d’accueil avec deux ou trois salariés en parcours, puis formaliser une check-list d’intégration signée à la fin de la première semaine.',
          },
        },
        {
          code: 'SV-1.3',
          text: 'Dès l’entrée, un document d’engagement réciproque fixe-t-il avec la personne ses objectifs de parcours et les moyens que la structure s’engage à mobiliser ?',
          help: 'Inspiré de la démarche CEDRE, cet engagement écrit place la personne en acteur de son parcours : elle fixe ses objectifs de progrès, la structure précise ce qu’elle apporte (encadrement, formation, accompagnement). Il sert de base aux bilans d’étape.',
          levels: [
            'Aucun objectif de parcours n’est fixé avec la personne.',
            'Des objectifs sont évoqués oralement, sans trace écrite ni engagement de la structure.',
            'Un document d’objectifs existe pour une partie des salariés, rédigé surtout par la structure, sans moyens précisés.',
            'Chaque salarié signe à l’entrée un engagement réciproque (objectifs et moyens), revu lors de bilans d’étape datés.',
            'Les engagements sont co-écrits avec les personnes, leur atteinte est analysée chaque année et la méthode est partagée avec le réseau.',
          ],
          evidence: [
            'Modèle d’engagement réciproque ou de contrat de parcours',
            'Engagements signés et bilans d’étape de quelques salariés',
            'Taux de salariés disposant d’objectifs écrits',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['8.2', '8.5'],
          iso26000: ['droits-humains', 'relations-conditions-travail'],
          services: ['COOACTIV', 'CIP-CERTIFIANT', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Utiliser un engagement réciproque écrit pour chaque entrée en parcours',
            text:
              'Créer un modèle d’engagement réciproque d’une page (objectifs de la personne, moyens de la structure, dates de bilan) et l’utiliser pour chaque entrée. La formation CIP aide les accompagnateurs à co-construire les objectifs.',
          },
        },
        {
          code: 'SV-1.4',
          text: 'Les CDDI respectent-ils les règles légales de durée (4 à 24 mois, prolongations justifiées) et de temps de travail hebdomadaire, avec un suivi des échéances ?',
          help: 'Le CDDI est conclu pour 4 à 24 mois, renouvellements compris ; les dépassements ne sont possibles que dans les cas prévus par la loi (personnes de 50 ans et plus, travailleurs handicapés, formation en cours…). En ACI et en EI, la durée hebdomadaire est en principe d’au moins 20 heures (C. trav., art. L5132-5, L5132-11-1 et L5132-15-1). Une AI qui n’utilise pas le CDDI peut répondre « non applicable ».',
          levels: [
            'Les durées et horaires des CDDI ne sont pas vérifiés au regard des règles légales.',
            'Les règles sont connues d’une personne, mais des contrats ou avenants irréguliers ont déjà été signés.',
            'Les contrats sont conformes à la signature, mais les échéances et les motifs de prolongation ne sont pas suivis systématiquement.',
            'Des modèles de contrats à jour sont utilisés, un tableau suit les échéances et chaque prolongation est motivée par écrit.',
            'La conformité des contrats est vérifiée chaque année, les modèles sont mis à jour avec les évolutions légales et les difficultés remontées au réseau.',
          ],
          evidence: [
            'Modèles de CDDI et d’avenants de renouvellement',
            'Tableau des échéances de contrats',
            'Justificatifs des prolongations au-delà de 24 mois',
          ],
          weight: 3,
          legal: true,
          naAllowed: true,
          appliesTo: ['AI', 'ACI', 'EI'],
          iso9001: ['8.2', '7.5'],
          iso26000: ['relations-conditions-travail'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Tenir un tableau des échéances des CDDI et faire relire les modèles de contrats',
            text:
              'Mettre en place un tableau des échéances des CDDI, revu chaque mois, et faire relire ses modèles de contrats grâce à la boîte à outils juridique de Coorace.',
          },
        },
      ],
    },
    {
      code: 'SV-2',
      title: 'Accompagnement socio-professionnel',
      description:
        'Un accompagnement individualisé, tracé, qui traite aussi les freins périphériques à l’emploi et ouvre la personne sur le monde du travail et sur la vie sociale.',
      questions: [
        {
          code: 'SV-2.1',
          text: 'Les entretiens individuels de suivi ont-ils lieu à un rythme défini et chacun est-il tracé (date, points abordés, actions décidées, suites données) dans un dossier de parcours ?',
          help: 'L’accompagnement est au cœur de la mission d’une SIAE et de sa convention avec l’État. Un dossier de parcours tracé garantit la continuité quand l’accompagnateur change, alimente les bilans et le dialogue de gestion ; les données personnelles y sont protégées (RGPD).',
          levels: [
            'Pas d’entretiens individuels planifiés : l’accompagnement se fait au gré des urgences.',
            'Des entretiens ont lieu mais leur fréquence varie selon les accompagnateurs et les traces sont partielles ou personnelles.',
            'Un rythme est fixé et la plupart des entretiens sont notés, sans format commun ni suivi des actions décidées.',
            'Chaque salarié a un dossier de parcours partagé (outil type CooActiv’) où les entretiens et leurs suites sont tracés selon un rythme respecté.',
            'Le suivi est analysé (délais, actions abouties), amélioré avec les accompagnateurs et les personnes, et ses pratiques sont échangées avec d’autres SIAE.',
          ],
          evidence: [
            'Dossiers de parcours (papier ou logiciel) de quelques salariés',
            'Règle écrite sur la fréquence des entretiens',
            'Indicateur du nombre d’entretiens par salarié et par mois',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['8.5', '7.5', '9.1'],
          iso26000: ['droits-humains', 'relations-conditions-travail'],
          services: ['COOACTIV', 'CIP-CERTIFIANT', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Fixer un rythme d’entretiens et tracer chaque suivi dans un dossier partagé',
            text:
              'Fixer un rythme minimal d’entretiens et un format commun de compte rendu, puis centraliser les dossiers dans un outil partagé comme CooActiv’.',
          },
        },
        {
          code: 'SV-2.2',
          text: 'Les freins périphériques (logement, mobilité, santé, garde d’enfants, droits, budget) sont-ils repérés pour chaque personne et traités avec des partenaires identifiés ?',
          help: 'Un emploi durable est difficile tant que ces obstacles persistent. Il s’agit de les repérer lors du diagnostic d’entrée puis des entretiens, et de disposer d’un réseau de partenaires (CCAS, missions locales, auto-écoles sociales, PMI, centres de santé…) vers qui orienter.',
          levels: [
            'Les freins périphériques ne sont pas abordés : seule la situation de travail est suivie.',
            'Certains freins sont traités au cas par cas, selon les contacts personnels des accompagnateurs.',
            'Une grille de repérage existe et des partenaires sont connus, sans accords formalisés ni suivi des orientations.',
            'Les freins sont repérés pour chaque salarié, les orientations sont tracées et des conventions ou contacts réguliers existent avec les partenaires clés.',
            'Les freins non résolus sont analysés pour agir avec le territoire (solutions de mobilité, garde…) et les partenariats sont évalués ensemble.',
          ],
          evidence: [
            'Grille de diagnostic socio-professionnel',
            'Annuaire ou cartographie des partenaires',
            'Conventions de partenariat',
            'Statistiques des freins repérés et levés',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['8.5', '8.4'],
          iso26000: ['droits-humains', 'communautes-developpement-local'],
          services: ['COOACTIV', 'COODIAG', 'ROUAGES-COOPERATION'],
          recommendation: {
            title: 'Repérer les freins périphériques avec une grille et conventionner avec les partenaires',
            text:
              'Construire une grille de repérage des freins et une cartographie des partenaires, puis signer des accords avec les plus sollicités. Un diagnostic territorial (Coodiag) aide à repérer les manques.',
          },
        },
        {
          code: 'SV-2.3',
          text: 'Des immersions en entreprise (PMSMP) sont-elles proposées aux salariés en parcours, préparées, encadrées par une convention et suivies d’un bilan ?',
          help: 'La période de mise en situation en milieu professionnel permet de découvrir un métier, confirmer un projet ou amorcer un recrutement ; le contrat en cours est suspendu pendant l’immersion. Elle fait l’objet d’une convention signée par la personne, l’employeur d’accueil et le prescripteur (C. trav., art. L5135-1 et suivants).',
          levels: [
            'Aucune immersion n’est proposée aux salariés en parcours.',
            'Quelques immersions ont lieu, à l’initiative d’un salarié ou d’un accompagnateur, sans préparation commune.',
            'Les immersions sont proposées régulièrement avec une convention, mais leur préparation et leur bilan sont inégaux.',
            'Chaque immersion est liée au projet de la personne, préparée, conventionnée et suivie d’un bilan écrit versé au dossier de parcours.',
            'Le nombre et les suites des immersions sont suivis, les entreprises d’accueil sont fidélisées et la pratique est partagée sur le territoire.',
          ],
          evidence: [
            'Conventions PMSMP signées',
            'Bilans d’immersion',
            'Nombre d’immersions par an et leurs suites (embauche, formation)',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['8.5'],
          iso26000: ['communautes-developpement-local', 'relations-conditions-travail'],
          services: ['VITA-AIR', 'ZEST', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Fixer un objectif annuel d’immersions préparées et suivies d’un bilan',
            text:
              'Se fixer un objectif annuel d’immersions, utiliser un modèle de préparation et de bilan, et s’appuyer sur Vita Air ou Zest pour trouver des entreprises d’accueil dans les métiers qui recrutent.',
          },
        },
        {
          code: 'SV-2.4',
          text: 'La structure aide-t-elle les salariés en parcours à accéder aux vacances, aux loisirs et à la culture (par exemple avec le dispositif ANCV relayé par Coorace) ?',
          help: 'Partir en vacances ou accéder à la culture renforce la confiance et le pouvoir d’agir. Avec le partenariat Coorace–ANCV, les salariés en parcours et leurs proches peuvent voir jusqu’à 75 % de leurs dépenses de vacances prises en charge, avec un accompagnement au projet.',
          levels: [
            'La question des vacances et des loisirs n’est jamais abordée.',
            'Des informations circulent ponctuellement, à l’initiative d’un salarié permanent.',
            'Une action existe (chèques-vacances, sorties, information ANCV) mais elle touche peu de personnes et n’est pas suivie.',
            'Une offre est présentée à tous, les projets de départ sont accompagnés et le nombre de bénéficiaires est suivi chaque année.',
            'Les projets sont construits avec les salariés, évalués avec eux, et l’action est menée avec d’autres SIAE ou partenaires du territoire.',
          ],
          evidence: [
            'Convention ou demande ANCV',
            'Nombre de départs en vacances accompagnés',
            'Supports d’information remis aux salariés',
          ],
          weight: 1,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['8.5'],
          iso26000: ['droits-humains', 'relations-conditions-travail'],
          services: ['ANCV-VACANCES', 'AVANTAGES-SALARIES'],
          recommendation: {
            title: 'Informer tous les salariés du dispositif vacances ANCV et accompagner les départs',
            text:
              'Informer tous les salariés du dispositif ANCV porté par Coorace et désigner une personne chargée d’accompagner les projets de départ.',
          },
        },
      ],
    },
    {
      code: 'SV-3',
      title: 'Formation et développement des compétences',
      description:
        'Repérer les compétences, les faire progresser par la formation et les qualifications, et les rendre visibles pour la personne comme pour les employeurs.',
      questions: [
        {
          code: 'SV-3.1',
          text: 'Les compétences techniques et comportementales de chaque salarié en parcours sont-elles évaluées à l’entrée, en cours et en fin de parcours, à partir d’un référentiel métier ?',
          help: 'Une évaluation régulière, appuyée sur des référentiels (fiches métiers, RNCP), rend les progrès visibles pour la personne, oriente la formation et prépare la VAE. C’est la base d’une gestion des compétences (GPEC) adaptée à l’IAE.',
          levels: [
            'Les compétences ne sont pas évaluées.',
            'Les encadrants donnent une appréciation orale, sans grille ni trace.',
            'Une grille d’évaluation existe pour certains postes ; elle est remplie de façon irrégulière.',
            'Chaque salarié est évalué à trois moments au moins avec des grilles par métier ; les résultats lui sont restitués et alimentent son plan de formation.',
            'Les évaluations sont consolidées (GPEC), reliées aux certifications, améliorées avec les encadrants et partagées avec les employeurs partenaires.',
          ],
          evidence: [
            'Grilles d’évaluation par métier',
            'Évaluations signées de quelques salariés',
            'Attestations de compétences remises à la sortie',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['7.2', '8.5', '9.1'],
          iso26000: ['relations-conditions-travail', 'droits-humains'],
          services: ['COOACTIV', 'FORM-DEV-PRO', 'VITA-AIR'],
          recommendation: {
            title: 'Évaluer les compétences par métier à l’entrée, à mi-parcours et à la sortie',
            text:
              'Élaborer des grilles d’évaluation par métier, les utiliser à l’entrée, à mi-parcours et à la sortie, et remettre une attestation de compétences. CooActiv’ outille l’évaluation et le lien avec le RNCP.',
          },
        },
        {
          code: 'SV-3.2',
          text: 'Le plan de développement des compétences prévoit-il des formations pour les salariés en parcours, en mobilisant les financements disponibles (OPCO, PIC IAE et ses suites, CPF, Pro-A) ?',
          help: 'L’employeur doit assurer l’adaptation des salariés à leur poste et veiller à leur employabilité (C. trav., art. L6321-1), y compris pour les salariés en parcours. Un plan construit à partir des évaluations et des projets, et des financements bien mobilisés, multiplient les formations qualifiantes.',
          levels: [
            'Aucune formation n’est prévue pour les salariés en parcours en dehors des obligations de sécurité.',
            'Des formations ont lieu au cas par cas, selon les occasions et sans recherche de financement.',
            'Un plan de formation existe, mais il couvre peu de salariés en parcours et mobilise un seul financement.',
            'Le plan annuel est construit à partir des besoins repérés, combine plusieurs financements et son taux de réalisation est suivi.',
            'Les effets des formations (qualifications, sorties) sont évalués, le plan est ajusté chaque année et des formations sont mutualisées avec d’autres structures.',
          ],
          evidence: [
            'Plan de développement des compétences de l’année',
            'Nombre de salariés en parcours formés et heures de formation',
            'Accords de prise en charge de l’OPCO',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.2', '6.2'],
          iso26000: ['relations-conditions-travail', 'communautes-developpement-local'],
          services: ['FORM-DEV-PRO', 'FORM-RH-MANAGEMENT', 'COOACTIV'],
          recommendation: {
            title: 'Construire un plan de formation qui fait une place aux salariés en parcours',
            text:
              'Construire le plan de formation à partir des évaluations et des projets, en y réservant une part pour les salariés en parcours, et faire le point chaque année avec l’OPCO sur les financements mobilisables.',
          },
        },
        {
          code: 'SV-3.3',
          text: 'La structure propose-t-elle des parcours qualifiants (alternance, contrat de professionnalisation inclusion, VAE, certifications) aux salariés dont le projet le justifie ?',
          help: 'L’alternance et la certification donnent aux personnes une qualification reconnue par les employeurs. Le contrat de professionnalisation inclusion (CPI) et la Pro-A permettent d’associer travail en SIAE et formation diplômante.',
          levels: [
            'Aucun parcours qualifiant n’est envisagé.',
            'Un parcours qualifiant est monté exceptionnellement, à la demande d’un salarié.',
            'Des parcours qualifiants existent pour certains métiers, sans repérage systématique des personnes qui pourraient en bénéficier.',
            'Les projets qualifiants sont repérés lors des bilans, montés avec les organismes de formation et suivis jusqu’à la certification.',
            'Les taux de certification sont suivis, des partenariats durables avec des organismes et employeurs existent et l’expérience est partagée avec le réseau.',
          ],
          evidence: [
            'Contrats d’alternance ou CPI signés',
            'Nombre de certifications ou VAE obtenues',
            'Conventions avec les organismes de formation',
          ],
          weight: 2,
          legal: false,
          naAllowed: true,
          appliesTo: PARCOURS,
          iso9001: ['7.2', '8.5'],
          iso26000: ['communautes-developpement-local', 'relations-conditions-travail'],
          services: ['ALTERNANCE-CPI', 'COOACTIV', 'FORM-DEV-PRO'],
          recommendation: {
            title: 'Repérer les personnes prêtes pour une qualification et monter leur parcours',
            text:
              'Repérer lors des bilans d’étape les personnes prêtes pour une qualification et solliciter l’appui de Coorace sur l’alternance et le CPI pour monter les premiers parcours.',
          },
        },
      ],
    },
    {
      code: 'SV-4',
      title: 'Sorties vers l’emploi et relations avec les employeurs',
      description:
        'Préparer la sortie, la mesurer honnêtement, suivre les personnes après leur départ et entretenir des liens avec les employeurs du territoire.',
      questions: [
        {
          code: 'SV-4.1',
          text: 'Les sorties sont-elles mesurées par catégorie (emploi durable, emploi de transition, sortie positive, autres) et comparées chaque année aux objectifs de la structure ?',
          help: 'Les « sorties dynamiques » regroupent l’emploi durable (CDI, CDD ou intérim de 6 mois et plus, création d’entreprise…), l’emploi de transition et les sorties positives (formation qualifiante, embauche dans une autre SIAE). Ces résultats sont examinés lors du dialogue de gestion avec l’État.',
          levels: [
            'Les sorties ne sont pas comptées.',
            'Les sorties sont connues approximativement, sans catégories stables.',
            'Les sorties sont comptées par catégorie pour le bilan annuel, sans analyse ni objectif interne.',
            'Un tableau de bord suit les sorties par catégorie tout au long de l’année, comparées aux objectifs, avec une analyse des écarts.',
            'Les résultats sont analysés par profil et par activité, présentés aux instances et aux partenaires, et donnent lieu à des actions d’amélioration.',
          ],
          evidence: [
            'Tableau de bord des sorties par catégorie',
            'Bilan présenté au dialogue de gestion',
            'Objectifs de sortie de l’annexe financière',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['9.1', '6.2', '9.1.3'],
          iso26000: ['communautes-developpement-local'],
          services: ['FORM-PILOTAGE', 'COOACTIV'],
          recommendation: {
            title: 'Tenir un tableau de bord des sorties par catégorie et analyser les écarts',
            text:
              'Tenir un tableau de bord mensuel des sorties par catégorie, fixer des objectifs internes et analyser les écarts en équipe chaque trimestre.',
          },
        },
        {
          code: 'SV-4.2',
          text: 'La sortie est-elle préparée plusieurs mois à l’avance (recherche d’emploi, techniques de candidature, relais vers les partenaires) et les personnes sont-elles recontactées après leur départ ?',
          help: 'Une sortie préparée tôt augmente les chances d’emploi durable. Un contact à 3 et 6 mois après la sortie permet de vérifier le maintien dans l’emploi, d’aider en cas de difficulté et de mesurer l’effet réel du parcours.',
          levels: [
            'La sortie n’est pas préparée et les personnes ne sont plus suivies après leur départ.',
            'Une aide à la recherche d’emploi est apportée en fin de contrat, selon la disponibilité de l’accompagnateur.',
            'Un temps de préparation existe pour la plupart des personnes ; le suivi après la sortie reste occasionnel.',
            'Chaque personne a un plan de sortie daté ; un contact est pris à 3 et 6 mois et consigné au dossier.',
            'Les résultats du suivi après sortie sont analysés, servent à améliorer l’accompagnement et sont partagés avec les partenaires emploi.',
          ],
          evidence: [
            'Plans de sortie dans les dossiers de parcours',
            'Ateliers de recherche d’emploi planifiés',
            'Taux de personnes jointes et en emploi à 6 mois',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS,
          iso9001: ['8.5', '9.1'],
          iso26000: ['communautes-developpement-local', 'droits-humains'],
          services: ['COOACTIV', 'CIP-CERTIFIANT', 'ZEST'],
          recommendation: {
            title: 'Ouvrir un plan de sortie six mois avant la fin du contrat et suivre à 3 et 6 mois',
            text:
              'Ouvrir un plan de sortie au plus tard six mois avant la fin du contrat et programmer des appels de suivi à 3 et 6 mois, notés dans le dossier de parcours.',
          },
        },
        {
          code: 'SV-4.3',
          text: 'La structure entretient-elle un réseau d’employeurs partenaires (visites, analyses de postes, passerelles vers les filières qui recrutent) pour faciliter les embauches ?',
          help: 'Connaître les postes et les attentes des employeurs permet de préparer les personnes aux bons métiers. Vita Air aide à analyser les postes chez les entreprises clientes ; Zest construit des passerelles dans les filières qui recrutent (BTP, médico-social).',
          levels: [
            'Aucun contact avec des employeurs en dehors des clients.',
            'Quelques contacts personnels avec des employeurs, mobilisés quand une personne est prête.',
            'Une liste d’employeurs partenaires existe, entretenue de façon irrégulière.',
            'Un chargé de relations entreprises ou un temps dédié suit un fichier d’employeurs, organise des visites et des analyses de postes.',
            'Les partenariats sont évalués (embauches, immersions), élargis à des filières et menés avec d’autres acteurs du territoire.',
          ],
          evidence: [
            'Fichier des employeurs partenaires',
            'Comptes rendus de visites ou d’analyses de postes',
            'Nombre d’embauches chez les partenaires',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.2', '8.5'],
          iso26000: ['communautes-developpement-local'],
          services: ['VITA-AIR', 'ZEST', 'ATELIERS-FILIERES'],
          recommendation: {
            title: 'Consacrer un temps dédié aux relations avec les employeurs du territoire',
            text:
              'Réserver un temps dédié aux relations avec les employeurs, tenir un fichier commun et tester Vita Air avec deux ou trois entreprises clientes.',
          },
        },
      ],
    },
    {
      code: 'SV-5',
      title: 'Relations avec les clients',
      description:
        'Des commandes claires, une prestation conforme à ce qui a été convenu, une écoute organisée de la satisfaction et des réclamations.',
      questions: [
        {
          code: 'SV-5.1',
          text: 'Chaque prestation ou mise à disposition fait-elle l’objet d’un devis, d’un bon de commande ou d’un contrat écrit précisant les attentes du client, les conditions et le prix ?',
          help: 'Bien définir la demande avant d’intervenir évite litiges et impayés et permet de préparer les salariés. Certaines formes sont imposées : contrat de mise à disposition écrit en intérim, devis pour les services à la personne au-delà d’un certain montant.',
          levels: [
            'Les interventions sont décidées oralement, sans document écrit.',
            'Des devis sont faits pour les gros clients ; les autres demandes restent orales.',
            'Des modèles de devis ou de bons de commande existent mais ne sont pas utilisés pour toutes les prestations.',
            'Toute prestation fait l’objet d’un document écrit validé par le client avant démarrage, selon des modèles à jour.',
            'Les documents sont revus à partir des retours clients et des litiges, et incluent l’information sur la démarche d’insertion.',
          ],
          evidence: [
            'Modèles de devis, bons de commande, contrats de mise à disposition',
            'Échantillon de commandes signées',
            'Conditions générales de vente',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['8.2'],
          iso26000: ['consommateurs', 'loyaute-pratiques'],
          services: ['FORM-COMMERCIAL', 'JUR-ATELIERS', 'CAP-ISO9001'],
          recommendation: {
            title: 'Adopter un modèle unique de devis ou de bon de commande par activité',
            text:
              'Adopter un modèle unique de devis ou de bon de commande pour chaque activité et ne lancer aucune prestation sans accord écrit du client.',
          },
        },
        {
          code: 'SV-5.2',
          text: 'La satisfaction des clients est-elle mesurée régulièrement (enquête, bilan de fin de prestation) et les résultats sont-ils analysés pour décider d’améliorations ?',
          help: 'Connaître la perception des clients permet de fidéliser et d’améliorer les prestations (ISO 9001, 9.1.2). Une question simple intégrée au bon de commande ou à la facture suffit souvent à démarrer.',
          levels: [
            'La satisfaction des clients n’est pas recueillie.',
            'Des retours oraux sont entendus au hasard des échanges, sans trace.',
            'Une enquête a été faite une fois ou touche seulement quelques clients, sans analyse.',
            'Une mesure régulière est organisée, les résultats sont compilés chaque année et donnent lieu à des actions.',
            'La satisfaction est suivie comme un indicateur clé, les actions sont évaluées et les résultats communiqués aux clients et aux salariés.',
          ],
          evidence: [
            'Questionnaire ou bilan de fin de prestation',
            'Synthèse annuelle des résultats',
            'Actions décidées à la suite de l’enquête',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['9.1.2', '5.1.2'],
          iso26000: ['consommateurs'],
          services: ['CAP-ISO9001', 'FORM-QUALITE', 'FORM-COMMERCIAL'],
          recommendation: {
            title: 'Mesurer la satisfaction des clients à chaque commande et analyser les réponses',
            text:
              'Ajouter une question de satisfaction au bon de commande ou à la facture, compiler les réponses chaque semestre et présenter en équipe les actions retenues.',
          },
        },
        {
          code: 'SV-5.3',
          text: 'Les réclamations des clients sont-elles enregistrées, traitées dans un délai fixé et suivies d’actions correctives lorsque la cause le justifie ?',
          help: 'Une réclamation bien traitée renforce la confiance du client. L’enregistrement permet de repérer les problèmes récurrents (retards, qualité, comportement) et d’agir sur leurs causes plutôt que sur les seuls symptômes.',
          levels: [
            'Les réclamations ne sont pas enregistrées ; chacun règle les problèmes comme il peut.',
            'Les réclamations importantes sont traitées par la direction, sans trace ni analyse.',
            'Un registre existe mais il est tenu irrégulièrement et les causes sont rarement recherchées.',
            'Toutes les réclamations sont enregistrées, une réponse est apportée dans un délai fixé et les causes récurrentes font l’objet d’actions correctives.',
            'Les réclamations sont analysées périodiquement avec les équipes, les délais sont suivis et les enseignements partagés, y compris avec les salariés en parcours.',
          ],
          evidence: [
            'Registre des réclamations',
            'Délai moyen de réponse',
            'Fiches d’actions correctives',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['9.1.2', '10.2', '8.7'],
          iso26000: ['consommateurs'],
          services: ['FORM-QUALITE', 'CAP-ISO9001'],
          recommendation: {
            title: 'Ouvrir un registre des réclamations clients avec un délai de réponse',
            text:
              'Ouvrir un registre simple des réclamations (date, client, motif, réponse, action), fixer un délai de réponse et en faire une revue trimestrielle.',
          },
        },
      ],
    },
    {
      code: 'SV-6',
      title: 'Développement commercial et commande publique',
      description:
        'Développer une activité économique qui finance les parcours et offre des supports de travail formateurs, y compris grâce aux achats publics responsables.',
      questions: [
        {
          code: 'SV-6.1',
          text: 'La structure dispose-t-elle d’un plan d’action commercial écrit (cibles, offre, prospection, objectifs de chiffre d’affaires) suivi au moins chaque trimestre ?',
          help: 'Les activités économiques financent une part des parcours et doivent offrir des supports de travail adaptés aux projets des personnes. Un plan commercial évite la dépendance à quelques clients et relie le développement au projet d’insertion.',
          levels: [
            'Aucune démarche commerciale : l’activité dépend des demandes spontanées.',
            'La direction prospecte ponctuellement, sans objectifs ni trace.',
            'Des objectifs de chiffre d’affaires existent, sans plan d’action ni suivi régulier.',
            'Un plan commercial écrit fixe cibles, actions et objectifs ; il est suivi chaque trimestre avec un tableau de bord.',
            'Le plan est évalué chaque année, relié aux filières porteuses du territoire et construit avec d’autres structures ou partenaires.',
          ],
          evidence: [
            'Plan d’action commercial',
            'Tableau de bord du chiffre d’affaires par activité et par client',
            'Plaquette ou catalogue de l’offre',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['6.2', '4.1', '8.2'],
          iso26000: ['communautes-developpement-local', 'loyaute-pratiques'],
          services: ['FORM-COMMERCIAL', 'FORM-FILIERE', 'ATELIERS-FILIERES'],
          recommendation: {
            title: 'Écrire un plan commercial avec trois cibles et un suivi trimestriel',
            text:
              'Écrire un plan commercial d’une ou deux pages avec trois cibles prioritaires et un suivi trimestriel ; les formations commerciales et filières de Coorace aident à le construire.',
          },
        },
        {
          code: 'SV-6.2',
          text: 'La structure suit-elle les marchés publics de son territoire et répond-elle aux marchés comportant des clauses sociales ou réservés aux SIAE ?',
          help: 'Les acheteurs publics peuvent insérer des clauses sociales (Code de la commande publique, art. L2112-2) ou réserver des marchés aux SIAE (art. L2113-13). Connaître les facilitateurs de clauses et les acheteurs locaux ouvre des débouchés durables.',
          levels: [
            'La structure ne suit pas la commande publique.',
            'Des réponses sont faites occasionnellement, sur sollicitation d’un acheteur ou d’un facilitateur.',
            'Une veille existe et quelques réponses sont déposées, sans analyse des résultats.',
            'Une veille régulière est organisée, des dossiers types sont prêts, les réponses et leurs résultats sont suivis.',
            'La structure répond en groupement avec d’autres SIAE, échange avec les acheteurs sur la rédaction des marchés et analyse ses taux de succès.',
          ],
          evidence: [
            'Outil ou abonnement de veille des marchés',
            'Liste des réponses déposées et des marchés obtenus',
            'Contacts avec le facilitateur de clauses sociales',
          ],
          weight: 2,
          legal: false,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['8.2', '4.2'],
          iso26000: ['loyaute-pratiques', 'communautes-developpement-local'],
          services: ['FORM-COMMERCIAL', 'JUR-ATELIERS', 'PTCE'],
          recommendation: {
            title: 'Organiser une veille des marchés publics et des clauses sociales',
            text:
              'Mettre en place une veille des marchés publics, rencontrer le facilitateur de clauses sociales du territoire et envisager des réponses groupées avec d’autres SIAE.',
          },
        },
      ],
    },
    {
      code: 'SV-7',
      title: 'Règles propres aux associations intermédiaires et au travail temporaire d’insertion',
      description:
        'Des obligations légales qui ne concernent que certains types de structures : le plafond de mise à disposition en entreprise des AI, les règles de l’intérim d’insertion.',
      questions: [
        {
          code: 'SV-7.1',
          text: 'L’AI suit-elle, pour chaque salarié, les heures de mise à disposition en entreprise afin de ne pas dépasser 480 heures sur 24 mois, et vérifie-t-elle l’absence de licenciement économique récent chez l’utilisateur ?',
          help: 'Les mises à disposition d’un même salarié auprès d’entreprises sont plafonnées à 480 heures sur 24 mois à compter de la première mise à disposition ; ce plafond ne vise pas les particuliers, associations et collectivités (C. trav., art. L5132-9). Une mise à disposition est interdite dans un établissement ayant licencié pour motif économique dans les six mois précédents. Répondre « non applicable » seulement si l’AI ne travaille jamais avec des entreprises.',
          levels: [
            'Les heures de mise à disposition en entreprise ne sont pas suivies.',
            'Le plafond est connu mais le suivi est fait de mémoire ou à la main, au cas par cas.',
            'Les heures sont suivies dans un tableau ou un logiciel, sans alerte avant le plafond ni vérification auprès des utilisateurs.',
            'Le logiciel alerte à l’approche des 480 heures, et chaque nouveau contrat avec une entreprise comporte la vérification sur les licenciements économiques.',
            'Les dépassements évités et les relais trouvés (ETTI, embauche) sont analysés chaque année et la pratique est partagée avec d’autres AI.',
          ],
          evidence: [
            'Tableau ou extraction logicielle des heures par salarié et par entreprise',
            'Alertes ou contrôles réalisés',
            'Clause ou attestation de l’utilisateur sur les licenciements économiques',
          ],
          weight: 3,
          legal: true,
          naAllowed: true,
          appliesTo: ['AI'],
          iso9001: ['8.2', '8.5'],
          iso26000: ['loyaute-pratiques', 'relations-conditions-travail'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Mettre une alerte avant le plafond des 480 heures de mise à disposition',
            text:
              'Paramétrer une alerte automatique à 400 heures par salarié et par période de 24 mois, et ajouter au contrat de mise à disposition une attestation de l’utilisateur sur l’absence de licenciement économique.',
          },
        },
        {
          code: 'SV-7.2',
          text: 'L’ETTI respecte-t-elle la triple exclusivité (activité, public, moyens) : elle ne fait que de l’intérim d’insertion, avec des personnes éligibles, et ses moyens sont distincts de ceux des autres structures ?',
          help: 'Depuis la réforme de l’inclusion, l’article L5132-6 du Code du travail impose aux ETTI une exclusivité d’activité, de public et de moyens. Au sein d’un ensemblier ou d’un GES, les moyens partagés (locaux, personnel, outils) doivent être clairement identifiés et refacturés.',
          levels: [
            'La règle de la triple exclusivité n’est pas connue ou pas appliquée.',
            'La règle est connue, mais certaines missions, personnes ou moyens partagés n’ont pas été examinés.',
            'L’activité et le public sont exclusifs ; la séparation des moyens avec les structures liées reste incomplète.',
            'Les trois exclusivités sont documentées : activité, éligibilité de chaque intérimaire, conventions de mise à disposition de moyens et refacturations.',
            'La conformité est revue chaque année, y compris dans le GES, et l’expérience est partagée avec d’autres ETTI.',
          ],
          evidence: [
            'Objet social et extrait Kbis',
            'Conventions de partage de moyens et factures internes',
            'Contrôle de l’éligibilité de tous les intérimaires',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ['ETTI'],
          iso9001: ['4.3', '8.2'],
          iso26000: ['loyaute-pratiques', 'droits-humains'],
          services: ['GES-TRIPLE-EXCLUSIVITE', 'JUR-PLATEFORME', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Faire l’état des lieux de la triple exclusivité de l’ETTI',
            text:
              'Faire un état des lieux des trois exclusivités, formaliser les conventions de moyens partagés et solliciter l’accompagnement de Coorace à la mise en conformité des ensembliers et GES.',
          },
        },
        {
          code: 'SV-7.3',
          text: 'Les contrats de mission et de mise à disposition sont-ils établis par écrit, remis dans les deux jours ouvrables et leur durée cumulée suivie dans la limite du parcours ?',
          help: 'En intérim, le contrat de mise à disposition avec l’entreprise utilisatrice et le contrat de mission avec le salarié sont obligatoirement écrits ; le contrat de mission est transmis au plus tard dans les deux jours ouvrables (C. trav., art. L1251-17 et L1251-42). En ETTI, la durée des contrats de mission est limitée à 24 mois, renouvellements compris.',
          levels: [
            'Des missions démarrent sans contrat écrit ou avec des contrats remis tardivement.',
            'Les contrats sont écrits, mais les délais de remise et les durées cumulées ne sont pas contrôlés.',
            'Les contrats sont générés par un logiciel dans les délais ; la durée cumulée du parcours n’est suivie que ponctuellement.',
            'Un contrôle régulier vérifie contenu, délais de remise et durée cumulée de chaque intérimaire, avec alerte avant l’échéance.',
            'Les anomalies sont analysées chaque année, les modèles améliorés avec les retours juridiques et les pratiques échangées entre ETTI.',
          ],
          evidence: [
            'Échantillon de contrats de mission et de mise à disposition',
            'Preuves de transmission (dates d’envoi ou de signature électronique)',
            'Suivi de la durée cumulée par intérimaire',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ['ETTI'],
          iso9001: ['8.2', '7.5'],
          iso26000: ['relations-conditions-travail', 'loyaute-pratiques'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Contrôler chaque mois un échantillon de contrats de mission',
            text:
              'Mettre en place un contrôle mensuel d’un échantillon de contrats (contenu, délai, durée cumulée) et faire valider ses modèles par la plateforme juridique de Coorace.',
          },
        },
        {
          code: 'SV-7.4',
          text: 'L’ETTI dispose-t-elle en permanence d’une garantie financière en cours de validité (par exemple par le Fonds de garantie pour l’intérim d’insertion, FG2I) et en connaît-elle l’échéance ?',
          help: 'Toute entreprise de travail temporaire doit justifier à tout moment d’une garantie financière assurant le paiement des salaires et des cotisations en cas de défaillance (C. trav., art. L1251-49). Le FG2I, géré avec le Crédit Coopératif, est adapté aux ETTI.',
          levels: [
            'La structure ne sait pas si sa garantie financière est valide.',
            'La garantie existe mais son renouvellement est fait dans l’urgence, sans suivi de l’échéance.',
            'La garantie est à jour et son échéance connue d’une seule personne.',
            'L’attestation de garantie est à jour, son montant et son échéance figurent dans le calendrier de la direction et du conseil.',
            'Le montant est revu chaque année au regard de l’activité, et le choix du garant est comparé (FG2I, banque, assurance).',
          ],
          evidence: [
            'Attestation de garantie financière en cours',
            'Calendrier des échéances réglementaires',
            'Déclaration annuelle du montant de la garantie',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ['ETTI'],
          iso9001: ['7.1', '6.1'],
          iso26000: ['loyaute-pratiques', 'relations-conditions-travail'],
          services: ['FG2I', 'CREDIT-COOPERATIF'],
          recommendation: {
            title: 'Suivre l’échéance de la garantie financière de l’ETTI',
            text:
              'Inscrire l’échéance de la garantie financière dans le calendrier réglementaire et étudier avec le Crédit Coopératif l’adhésion au FG2I.',
          },
        },
      ],
    },
  ],
};
