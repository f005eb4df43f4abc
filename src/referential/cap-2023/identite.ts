// Thème 1 du référentiel CAP 2023 : les valeurs, le projet, l’utilité sociale et territoriale,
// la gouvernance démocratique, la participation des salariés et l’ancrage territorial.
import type { StructureType } from '../schema.ts';
import { ALL_TYPES, type ThemeInput } from './types.ts';

/** Types qui accueillent des salariés en parcours (SIAE et GEIQ) ; les EBE emploient en CDI. */
const PARCOURS_TYPES: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GEIQ'];

export const theme: ThemeInput = {
  slug: 'identite',
  title: 'Identité et projet',
  description:
    'Les valeurs et le projet de la structure, l’utilité sociale et territoriale qu’elle produit, sa gouvernance démocratique, la place donnée aux salariés dans la vie de l’entreprise et les coopérations qui l’ancrent dans son territoire.',
  criteria: [
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'ID-1',
      title: 'Valeurs et projet de la structure',
      description:
        'Ce qui fonde la structure, son projet écrit, la façon dont il est partagé avec les salariés et révisé, et la place qu’il donne à la transition écologique.',
      questions: [
        {
          code: 'ID-1.1',
          text: 'Les valeurs de la structure sont-elles écrites (charte, préambule des statuts, projet) et font-elles explicitement référence aux principes de l’économie sociale et solidaire ?',
          help: 'Il s’agit de savoir si la structure a formulé noir sur blanc ce qui la guide : primauté de la personne, gouvernance démocratique, lucrativité limitée, ancrage territorial, non-discrimination. La loi du 31 juillet 2014 relative à l’ESS (art. 1) en définit les principes ; l’adhésion à Coorace suppose de partager la charte des adhérents.',
          levels: [
            'Aucune valeur n’est formulée par écrit ; chacun se fait sa propre idée de ce qui guide la structure.',
            'Les valeurs se transmettent oralement et dépendent surtout de la direction ou de quelques administrateurs historiques.',
            'Un texte énonce les valeurs (statuts, plaquette), mais sans lien explicite avec les principes de l’ESS ni usage dans les décisions.',
            'Une charte écrite, validée par le conseil d’administration, relie les valeurs aux principes de l’ESS et sert de référence pour les choix importants.',
            'La charte est relue régulièrement avec salariés et administrateurs, son application est évaluée et elle est partagée avec le réseau et les partenaires.',
          ],
          evidence: [
            'Charte des valeurs ou préambule des statuts',
            'Charte des adhérents Coorace signée',
            'Compte rendu du CA ayant validé la charte',
            'Supports d’accueil mentionnant les valeurs',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.1', '5.2'],
          iso26000: ['gouvernance', 'droits-humains'],
          services: ['FORM-CULTURE-IAE', 'CAP-ACCOMPAGNE'],
          recommendation: {
            title: 'Écrire ou relire la charte des valeurs avec toutes les parties de la structure',
            text:
              'Organiser un temps de travail commun entre administrateurs, permanents et salariés en parcours pour écrire ou relire la charte des valeurs, en s’appuyant sur la charte des adhérents Coorace. La formation « culture IAE » du réseau aide à relier ces valeurs aux pratiques quotidiennes.',
          },
        },
        {
          code: 'ID-1.2',
          text: 'Le projet associatif ou d’entreprise est-il écrit, daté, validé par l’instance de gouvernance, assorti d’orientations pluriannuelles et révisé à une échéance fixée ?',
          help: 'Le projet dit pourquoi la structure existe, pour qui, sur quel territoire et avec quelles priorités à trois ou cinq ans. Il s’appuie sur une analyse du contexte (besoins des personnes, économie locale, politiques publiques, enjeux climatiques) et sert de base à la demande de conventionnement et au dialogue de gestion.',
          levels: [
            'Il n’existe pas de projet écrit ; l’activité se poursuit sans orientations formulées.',
            'Un ancien projet existe mais il n’est ni daté ni connu ; les orientations dépendent des priorités du moment de la direction.',
            'Un projet écrit et daté existe, mais il n’a pas été validé formellement ou ne fixe ni orientations pluriannuelles ni date de révision.',
            'Le projet, validé par le CA ou l’AG et fondé sur une analyse du contexte, fixe des orientations pluriannuelles suivies chaque année et une date de révision.',
            'Le projet est révisé à l’échéance prévue avec les salariés, les partenaires et les financeurs ; le bilan des orientations précédentes est publié et partagé.',
          ],
          evidence: [
            'Projet associatif ou d’entreprise daté',
            'Procès-verbal de l’instance qui l’a validé',
            'Plan d’orientations pluriannuel et son suivi annuel',
            'Analyse de contexte (diagnostic territorial, forces et faiblesses)',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '5.2', '6.2'],
          iso26000: ['gouvernance', 'communautes-developpement-local'],
          services: ['FORM-PILOTAGE', 'COODIAG', 'CAP-ACCOMPAGNE'],
          recommendation: {
            title: 'Réécrire le projet, le faire valider et fixer sa date de révision',
            text:
              'Fixer un calendrier de (ré)écriture du projet sur quelques mois : analyse du contexte, consultation des équipes et des partenaires, validation en CA puis en AG, date de révision inscrite dans le document. La démarche Coodiag et la formation « piloter une SIAE » aident à structurer ce travail.',
          },
        },
        {
          code: 'ID-1.3',
          text: 'Le projet et les valeurs sont-ils présentés aux salariés en parcours dès leur accueil, sous une forme accessible (livret, version FALC, échanges) ?',
          help: 'Un salarié en parcours qui comprend le projet de la structure sait pourquoi il y est et ce qu’elle s’engage à lui apporter. La présentation tient compte de la maîtrise du français et de l’écrit (Facile à lire et à comprendre, supports visuels, traduction) ; dans une EBE, elle concerne l’ensemble des salariés.',
          levels: [
            'Le projet n’est pas présenté aux salariés en parcours.',
            'Certains encadrants évoquent le projet à leur manière lors de l’accueil, sans support commun.',
            'Le livret d’accueil mentionne le projet, mais le texte est peu accessible et sa présentation n’est pas systématique.',
            'Chaque nouvel arrivant reçoit une présentation du projet et des valeurs avec un support adapté (FALC, visuels) ; les permanents la relaient de façon homogène.',
            'Les supports ont été conçus ou relus avec des salariés en parcours, leur compréhension est vérifiée et la démarche est partagée avec d’autres structures du réseau.',
          ],
          evidence: [
            'Livret d’accueil présentant le projet',
            'Version FALC ou illustrée du projet',
            'Programme de la session d’accueil',
            'Retours des salariés (questionnaire d’accueil)',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.2', '7.3', '7.4'],
          iso26000: ['droits-humains', 'gouvernance'],
          services: ['FORM-COMMUNICATION', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Présenter le projet à chaque accueil avec un support facile à lire',
            text:
              'Intégrer une présentation courte et illustrée du projet dans la session d’accueil et la faire relire par un groupe de salariés en parcours (version FALC). La formation communication du réseau aide à concevoir ces supports.',
          },
        },
        {
          code: 'ID-1.4',
          text: 'Le projet comporte-t-il un engagement écrit en faveur de la transition écologique, traduit en objectifs et en actions suivis ?',
          help: 'La transition écologique touche le cœur de métier de nombreuses SIAE (réemploi, recyclage, maraîchage, mobilité) comme leur fonctionnement (déplacements, énergie, achats). Depuis son amendement de 2024, l’ISO 9001 demande d’examiner si le changement climatique est un enjeu pertinent pour l’organisme.',
          levels: [
            'La transition écologique n’apparaît ni dans le projet ni dans les décisions.',
            'Des gestes ponctuels existent (tri, covoiturage) à l’initiative de quelques personnes, sans engagement de la structure.',
            'Le projet mentionne l’environnement en termes généraux, sans objectifs chiffrés ni responsable désigné.',
            'Un engagement écrit, validé par le CA, fixe des objectifs (activités, énergie, mobilité, achats) suivis par des indicateurs et un référent.',
            'Les résultats environnementaux sont évalués chaque année et présentés en AG, et la structure partage ses pratiques ou s’engage dans une démarche RSE reconnue.',
          ],
          evidence: [
            'Extrait du projet portant l’engagement écologique',
            'Plan d’actions environnemental avec ses indicateurs',
            'Bilan carbone ou bilan énergie et mobilité',
            'Désignation d’un référent transition écologique',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '5.2', '6.2'],
          iso26000: ['environnement', 'gouvernance'],
          services: ['CAP-RSE', 'ATELIERS-FILIERES', 'FORM-FILIERE'],
          recommendation: {
            title: 'Inscrire dans le projet des engagements écologiques mesurables',
            text:
              'Inscrire dans le projet deux ou trois engagements écologiques mesurables, liés aux activités et au fonctionnement, avec un référent et des indicateurs. L’accompagnement CAP RSE et les ateliers filières de Coorace aident à repérer les leviers et les activités d’avenir.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'ID-2',
      title: 'Utilité sociale et territoriale',
      description:
        'La façon dont la structure définit, mesure et rend compte de l’utilité qu’elle produit pour les personnes et pour son territoire.',
      questions: [
        {
          code: 'ID-2.1',
          text: 'La structure a-t-elle défini, avec ses parties prenantes, les registres, critères et indicateurs de son utilité sociale et territoriale, et les renseigne-t-elle chaque année ?',
          help: 'La méthode d’évaluation de l’utilité sociale et territoriale portée par Coorace distingue les registres (familles de bénéfices : emploi, lien social, économie locale, environnement…), les critères (les valeurs auxquelles on se réfère) et les indicateurs (ce qui est fait et ce que cela produit). Au-delà des taux de sortie, il s’agit de montrer ce que la structure apporte aux personnes et au territoire.',
          levels: [
            'L’utilité sociale n’est pas évaluée ; seuls les chiffres exigés par les financeurs sont produits.',
            'Quelques indicateurs sont suivis ponctuellement, choisis par la direction, sans cadre d’ensemble.',
            'Des registres et des indicateurs ont été définis, mais ils ne sont pas tous renseignés ou pas chaque année.',
            'Un référentiel écrit (registres, critères, indicateurs), construit avec salariés, administrateurs et partenaires, est renseigné chaque année et analysé en CA.',
            'Les résultats servent à réviser le projet et les activités ; le référentiel est amélioré et comparé avec d’autres structures du réseau.',
          ],
          evidence: [
            'Référentiel d’utilité sociale (registres, critères, indicateurs)',
            'Tableau de bord annuel des indicateurs',
            'Compte rendu du CA analysant les résultats',
            'Enquêtes auprès des partenaires ou étude d’impact',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.2', '6.2', '9.1'],
          iso26000: ['communautes-developpement-local', 'gouvernance'],
          services: ['CAP-ACCOMPAGNE', 'CIP-CERTIFIANT', 'FORM-PILOTAGE'],
          recommendation: {
            title: 'Choisir les registres et indicateurs d’utilité sociale et les analyser chaque année',
            text:
              'Réunir un groupe mêlant administrateurs, permanents, salariés en parcours et partenaires pour choisir trois à cinq registres et des indicateurs simples à collecter, puis les analyser une fois par an en CA. Le diagnostic CAP accompagné et le parcours certifiant « coordinateur de projets d’utilité sociale et territoriale » outillent cette démarche.',
          },
        },
        {
          code: 'ID-2.2',
          text: 'Un rapport d’activité annuel rend-il compte des parcours, des résultats et de l’utilité sociale, et est-il présenté à l’assemblée générale, aux financeurs et aux partenaires ?',
          help: 'Le rapport d’activité est le principal outil pour rendre des comptes : il nourrit l’assemblée générale, le dialogue de gestion annuel avec la DDETS pour les structures conventionnées et les relations avec les collectivités. Il gagne à présenter les résultats qualitatifs autant que les chiffres.',
          levels: [
            'Aucun rapport d’activité n’est produit.',
            'Un rapport est rédigé certaines années seulement, ou à la seule demande d’un financeur.',
            'Un rapport annuel existe, mais il se limite aux chiffres réglementaires et circule peu au-delà des financeurs.',
            'Le rapport annuel présente activités, parcours, sorties et indicateurs d’utilité sociale ; il est présenté en AG et transmis aux financeurs et partenaires.',
            'Enrichi de témoignages et d’une analyse des écarts, le rapport est largement diffusé (site, partenaires, salariés) et les retours des lecteurs servent à l’améliorer.',
          ],
          evidence: [
            'Rapports d’activité des deux derniers exercices',
            'Procès-verbal d’AG mentionnant leur présentation',
            'Compte rendu du dialogue de gestion',
            'Liste de diffusion ou publication en ligne',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.2', '7.4', '9.3'],
          iso26000: ['gouvernance', 'communautes-developpement-local'],
          services: ['FORM-COMMUNICATION', 'FORM-PILOTAGE'],
          recommendation: {
            title: 'Bâtir un modèle de rapport d’activité annuel et planifier sa diffusion',
            text:
              'Bâtir un modèle de rapport d’activité stable d’une année sur l’autre, qui articule chiffres, indicateurs d’utilité sociale et témoignages, et planifier sa diffusion après l’AG. La formation communication du réseau aide à le rendre lisible pour chaque public.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'ID-3',
      title: 'Gouvernance démocratique et transparence',
      description:
        'Le fonctionnement des instances, leur renouvellement et leur diversité, la place des bénévoles, la transparence statutaire et financière et l’agrément ESUS.',
      questions: [
        {
          code: 'ID-3.1',
          text: 'L’assemblée générale (ou l’assemblée des associés) se réunit-elle au moins une fois par an pour approuver les comptes, le rapport moral et le rapport d’activité, avec un procès-verbal ?',
          help: 'Pour une association, la tenue de l’AG et sa périodicité sont fixées par les statuts ; pour une société (SARL, SAS, SCOP, SCIC), l’approbation des comptes dans les six mois suivant la clôture est une obligation légale. Sans objet pour une structure portée par une collectivité ou un établissement public.',
          levels: [
            'Aucune assemblée ne s’est tenue au cours des deux derniers exercices.',
            'L’assemblée se tient de façon irrégulière ou hors des délais prévus, avec peu de membres présents.',
            'L’AG se tient chaque année, mais la convocation, le quorum ou le procès-verbal ne respectent pas toujours les statuts.',
            'L’AG annuelle respecte les statuts (convocation, quorum, votes), approuve comptes et rapports, et son procès-verbal est signé et archivé.',
            'L’AG est un temps de débat ouvert aux salariés, aux partenaires et aux salariés en parcours ; la participation est suivie et le format amélioré d’année en année.',
          ],
          evidence: [
            'Convocations et ordres du jour des dernières AG',
            'Procès-verbaux signés',
            'Feuilles de présence et calcul du quorum',
            'Rapport moral et rapport financier',
          ],
          weight: 3,
          legal: true,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['5.1', '9.3'],
          iso26000: ['gouvernance'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Établir le calendrier statutaire annuel et un modèle de procès-verbal d’AG',
            text:
              'Établir un calendrier statutaire annuel (arrêté des comptes, convocation, AG, dépôt ou publication) et un modèle de procès-verbal conforme aux statuts. La plateforme juridique de Coorace répond aux questions sur le quorum, les votes et les délais.',
          },
        },
        {
          code: 'ID-3.2',
          text: 'Le conseil d’administration (ou l’instance équivalente) se réunit-il régulièrement, avec ordre du jour et compte rendu, et les délégations entre présidence, bureau et direction sont-elles écrites ?',
          help: 'Une gouvernance démocratique suppose une instance qui oriente et contrôle réellement, et une répartition claire des rôles entre élus bénévoles et direction salariée (document de délégation, lettre de mission de la direction). C’est aussi la traduction de l’engagement de la direction attendu par l’ISO 9001 (chapitre 5).',
          levels: [
            'Le CA ne se réunit pas ou plus ; les décisions sont prises par une seule personne.',
            'Le CA se réunit quand un sujet l’impose, sans ordre du jour ni compte rendu systématique.',
            'Le CA se réunit plusieurs fois par an avec des comptes rendus, mais les délégations à la direction restent orales ou floues.',
            'Le CA se réunit selon un calendrier et suit les orientations et les indicateurs ; les délégations à la présidence, au bureau et à la direction sont écrites.',
            'Le CA évalue son propre fonctionnement, ajuste ses délégations et partage ses pratiques avec d’autres structures du réseau.',
          ],
          evidence: [
            'Calendrier et comptes rendus des réunions du CA',
            'Document de délégation de pouvoirs signé',
            'Lettre de mission ou fiche de poste de la direction',
            'Tableau de bord présenté au CA',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.1', '5.3'],
          iso26000: ['gouvernance'],
          services: ['FORM-PILOTAGE', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Planifier les conseils d’administration et écrire les délégations à la direction',
            text:
              'Fixer en début d’année le calendrier des CA avec les sujets récurrents (budget, comptes, indicateurs, orientations) et écrire les délégations entre présidence, bureau et direction. La formation « piloter une SIAE » et les ateliers juridiques du réseau fournissent des modèles.',
          },
        },
        {
          code: 'ID-3.3',
          text: 'Le renouvellement des administrateurs est-il organisé (durée des mandats, appel à candidatures, intégration des nouveaux) de façon à diversifier la composition des instances (parité, âges, profils) ?',
          help: 'Des instances qui ne se renouvellent pas s’essoufflent et perdent le lien avec le terrain. Le guide des bonnes pratiques des entreprises de l’ESS (loi du 31 juillet 2014, art. 3) compte la diversité et l’égalité entre les femmes et les hommes parmi ses thèmes ; ouvrir les instances à d’anciens salariés en parcours ou à des acteurs du territoire enrichit les décisions.',
          levels: [
            'La composition du CA n’a pas changé depuis longtemps et aucun renouvellement n’est envisagé.',
            'Des administrateurs sont cooptés au gré des relations personnelles, sans réflexion sur la composition des instances.',
            'Les statuts limitent les mandats, mais le recrutement d’administrateurs reste informel et la diversité n’est pas suivie.',
            'Un plan de renouvellement existe : appel à candidatures, accueil et formation des nouveaux, suivi de la parité et de la diversité des profils.',
            'La composition est analysée chaque année, des objectifs de parité et de diversité sont atteints ou ajustés, et la démarche est partagée avec le réseau.',
          ],
          evidence: [
            'Liste des administrateurs avec dates de début et de fin de mandat',
            'Répartition femmes-hommes et profils des membres des instances',
            'Appel à candidatures ou livret d’accueil des administrateurs',
            'Statuts (durée et limitation des mandats)',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.3', '7.2'],
          iso26000: ['gouvernance', 'droits-humains'],
          services: ['FORM-PILOTAGE', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Organiser le renouvellement des administrateurs et suivre la diversité des instances',
            text:
              'Dresser le tableau de la composition actuelle (mandats, parité, âges, profils) et en déduire les profils à rechercher ; lancer un appel à candidatures et prévoir un parcours d’accueil des nouveaux administrateurs. Les formations pilotage et juridique de Coorace peuvent servir à leur intégration.',
          },
        },
        {
          code: 'ID-3.4',
          text: 'Le rôle des bénévoles (hors administrateurs) est-il défini : missions écrites, accueil, articulation avec les salariés et reconnaissance de leur engagement ?',
          help: 'Dans de nombreuses associations intermédiaires et de nombreux chantiers, des bénévoles accueillent, accompagnent ou parrainent des salariés en parcours. Clarifier leurs missions évite la confusion avec le travail salarié et protège la qualité de l’accompagnement. Sans objet si la structure ne mobilise pas de bénévoles.',
          levels: [
            'Des bénévoles interviennent sans que leur rôle soit défini, ou la structure ne sait pas précisément qui ils sont.',
            'Les bénévoles s’organisent entre eux et avec la direction au cas par cas, sans cadre écrit.',
            'Les missions des bénévoles sont décrites, mais leur accueil, leur formation et leur lien avec les permanents restent informels.',
            'Une charte du bénévolat précise missions, limites et référent ; chaque bénévole est accueilli, formé si besoin et associé aux temps collectifs.',
            'L’apport des bénévoles est évalué et valorisé (rapport d’activité, valorisation comptable) et les pratiques sont échangées avec d’autres structures.',
          ],
          evidence: [
            'Charte ou convention d’engagement bénévole',
            'Liste des bénévoles et de leurs missions',
            'Valorisation du bénévolat dans les comptes annuels',
            'Programme d’accueil ou de formation des bénévoles',
          ],
          weight: 1,
          legal: false,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['5.3', '7.1.2'],
          iso26000: ['communautes-developpement-local', 'gouvernance'],
          services: ['FORM-RH-MANAGEMENT', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Écrire une charte du bénévolat avec les bénévoles',
            text:
              'Écrire une charte du bénévolat avec les bénévoles eux-mêmes (missions, limites, référent, temps d’échange) et valoriser leur contribution dans le rapport d’activité. La formation RH et management du réseau aide à articuler bénévoles et permanents.',
          },
        },
        {
          code: 'ID-3.5',
          text: 'Les statuts sont-ils à jour et accessibles, et les comptes annuels approuvés puis publiés ou déposés, avec un commissaire aux comptes lorsque les seuils l’exigent ?',
          help: 'Une association qui reçoit plus de 153 000 € par an de subventions publiques ou de dons doit établir des comptes annuels, nommer un commissaire aux comptes et publier ses comptes sur le site du Journal officiel (code de commerce, art. L612-4) ; les sociétés déposent leurs comptes au greffe. Sans objet pour une structure portée par une collectivité ou un établissement public.',
          levels: [
            'Les statuts sont introuvables ou obsolètes et les comptes ne sont ni approuvés ni publiés.',
            'Les documents existent, mais leur mise à jour et leur publication dépendent de la vigilance d’une seule personne.',
            'Les comptes sont approuvés chaque année, mais la publication ou le dépôt est tardif, ou les statuts ne correspondent plus à l’activité réelle.',
            'Les statuts sont à jour et déclarés ; les comptes sont approuvés, certifiés si nécessaire, publiés ou déposés dans les délais selon un calendrier suivi.',
            'Statuts, comptes et rapports sont librement consultables (site internet) et les comptes sont expliqués aux salariés et aux partenaires.',
          ],
          evidence: [
            'Statuts en vigueur et récépissé de déclaration',
            'Comptes annuels et rapport du commissaire aux comptes',
            'Preuve de publication au Journal officiel ou de dépôt au greffe',
            'Page du site internet donnant accès à ces documents',
          ],
          weight: 2,
          legal: true,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['5.1', '7.5'],
          iso26000: ['gouvernance', 'loyaute-pratiques'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Tenir le calendrier des obligations statutaires et financières',
            text:
              'Tenir un calendrier des obligations statutaires et financières (approbation, certification, publication, déclaration des modifications) et vérifier que les statuts décrivent encore l’activité réelle. La plateforme juridique de Coorace peut relire les statuts et confirmer les seuils applicables.',
          },
        },
        {
          code: 'ID-3.6',
          text: 'La structure détient-elle l’agrément « entreprise solidaire d’utilité sociale » (ESUS) en cours de validité, et le fait-elle valoir auprès de ses partenaires et financeurs ?',
          help: 'Les SIAE bénéficient de plein droit de l’agrément ESUS (code du travail, art. L3332-17-1), qu’il faut néanmoins demander aux services de l’État ; d’autres structures peuvent l’obtenir si elles en remplissent les conditions. Il ouvre l’accès à l’épargne salariale solidaire et à certains financements ; sans objet pour une structure qui ne peut y prétendre.',
          levels: [
            'La structure ne connaît pas l’agrément ESUS ou n’a jamais engagé de démarche.',
            'L’agrément a été obtenu autrefois, mais personne ne sait s’il est encore valide.',
            'L’agrément est en cours de validité, mais son échéance n’est pas suivie et il n’est pas mis en avant.',
            'L’agrément est valide, son échéance est suivie et il figure dans les documents de présentation et les demandes de financement.',
            'L’agrément est utilisé activement (épargne solidaire, financements de l’ESS) et la structure en explique l’intérêt à d’autres acteurs du territoire.',
          ],
          evidence: [
            'Arrêté ou notification d’agrément ESUS',
            'Échéance de l’agrément inscrite au calendrier administratif',
            'Plaquette ou site internet mentionnant l’agrément',
            'Dossier de financement solidaire ayant mobilisé l’agrément',
          ],
          weight: 1,
          legal: false,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['4.2'],
          iso26000: ['gouvernance', 'communautes-developpement-local'],
          services: ['JUR-PLATEFORME', 'CREDIT-COOPERATIF'],
          recommendation: {
            title: 'Vérifier l’agrément ESUS et suivre son échéance',
            text:
              'Vérifier la validité de l’agrément ESUS, noter son échéance et le demander ou le renouveler auprès de la DREETS ou de la DDETS si besoin. Le Crédit Coopératif, partenaire de Coorace, peut présenter les financements et l’épargne solidaire auxquels il donne accès.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'ID-4',
      title: 'Participation des salariés à la vie de l’entreprise',
      description:
        'Les instances représentatives et les espaces d’expression qui permettent aux salariés, notamment en parcours, de peser sur l’organisation du travail et sur l’accompagnement.',
      questions: [
        {
          code: 'ID-4.1',
          text: 'Lorsque l’effectif atteint onze salariés pendant douze mois consécutifs, un CSE est-il élu, les salariés en parcours y sont-ils électeurs et éligibles, et se réunit-il comme prévu ?',
          help: 'Un comité social et économique doit être mis en place dès que l’effectif d’au moins onze salariés est atteint pendant douze mois consécutifs (code du travail, art. L2311-2) ; faute de candidats, un procès-verbal de carence est établi. Les salariés en parcours votent et se présentent dans les mêmes conditions d’ancienneté que les autres ; sans objet sous le seuil.',
          levels: [
            'Le seuil est atteint, mais aucune élection n’a été organisée et aucun procès-verbal de carence n’a été établi.',
            'Des élections ont eu lieu, mais le mandat est échu ou le CSE ne se réunit presque plus.',
            'Un CSE est élu et se réunit, mais les salariés en parcours sont peu informés du scrutin et rarement candidats.',
            'Le CSE est élu dans les délais et se réunit au rythme légal avec procès-verbaux ; les salariés en parcours sont informés et encouragés à voter et à se présenter.',
            'Des salariés en parcours siègent au CSE, les élus sont formés, et le fonctionnement du comité est évalué et partagé avec d’autres structures du réseau.',
          ],
          evidence: [
            'Protocole d’accord préélectoral et procès-verbaux d’élection ou de carence',
            'Procès-verbaux des réunions du CSE',
            'Liste des élus et de leur statut (permanent ou en parcours)',
            'Supports d’information diffusés avant les élections',
          ],
          weight: 3,
          legal: true,
          naAllowed: true,
          appliesTo: ALL_TYPES,
          iso9001: ['5.1', '7.4'],
          iso26000: ['relations-conditions-travail', 'droits-humains'],
          services: ['DIALOGUE-SOCIAL', 'JUR-PLATEFORME', 'FORM-JURIDIQUE'],
          recommendation: {
            title: 'Suivre l’effectif pour anticiper le seuil du CSE et préparer les élections',
            text:
              'Suivre l’effectif mois par mois pour anticiper le seuil, puis organiser les élections avec des supports adaptés pour que les salariés en parcours s’en saisissent. Les ateliers dialogue social et la plateforme juridique de Coorace accompagnent le protocole préélectoral et la formation des élus.',
          },
        },
        {
          code: 'ID-4.2',
          text: 'Une commission des salariés en parcours (commission « insertion » adossée au CSE) ou un espace équivalent permet-il aux salariés en parcours de porter des propositions qui reçoivent une réponse ?',
          help: 'La loi du 14 décembre 2020 a ouvert l’expérimentation d’une commission propre aux salariés en parcours au sein du CSE ; sans CSE, un comité ou un conseil des salariés en parcours peut jouer ce rôle. Les premières commissions du réseau ont travaillé sur les conditions de travail, l’accompagnement, la barrière de la langue ou la réécriture du livret d’accueil en FALC.',
          levels: [
            'Aucun espace n’est dédié à la parole collective des salariés en parcours.',
            'Des réunions ont lieu ponctuellement, à l’initiative d’un encadrant, sans suite visible.',
            'Une commission ou un conseil existe, mais il se réunit irrégulièrement et ses propositions ne reçoivent pas toujours de réponse.',
            'La commission se réunit à dates fixes, avec des membres désignés et un compte rendu, et la direction répond par écrit à chaque proposition.',
            'Des propositions de la commission ont changé les pratiques ; son fonctionnement est évalué avec ses membres et l’expérience est partagée dans le réseau.',
          ],
          evidence: [
            'Règles de fonctionnement de la commission',
            'Comptes rendus des réunions',
            'Suivi des propositions et des réponses de la direction',
            'Exemple de pratique modifiée à la suite d’une proposition',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: PARCOURS_TYPES,
          iso9001: ['5.1', '7.4', '10.3'],
          iso26000: ['relations-conditions-travail', 'droits-humains'],
          services: ['DIALOGUE-SOCIAL'],
          recommendation: {
            title: 'Lancer une commission des salariés en parcours sur un premier sujet concret',
            text:
              'Lancer une commission des salariés en parcours sur un premier sujet concret (livret d’accueil, conditions de travail), avec des membres renouvelés régulièrement et un engagement de réponse écrite. Les ateliers dialogue social de Coorace partagent les retours des structures qui l’ont expérimentée.',
          },
        },
        {
          code: 'ID-4.3',
          text: 'Des temps d’expression réguliers (réunions d’équipe, ateliers, questionnaires) recueillent-ils l’avis des salariés en parcours sur l’organisation du travail et l’accompagnement, avec un retour sur les suites données ?',
          help: 'Les salariés en parcours ont une expertise d’usage sur leur travail et leur accompagnement ; la solliciter renforce leur pouvoir d’agir et améliore les pratiques. Le code du travail reconnaît aux salariés un droit d’expression directe et collective sur le contenu et l’organisation de leur travail (art. L2281-1).',
          levels: [
            'Les salariés en parcours ne sont jamais consultés collectivement.',
            'Leur avis est recueilli de façon informelle, selon les encadrants, sans trace ni suite.',
            'Des réunions ou questionnaires existent dans certaines équipes, mais les résultats ne sont ni analysés ni restitués.',
            'Des temps d’expression sont planifiés dans toutes les équipes ; leurs apports sont consignés, analysés et suivis d’un retour aux salariés.',
            'Des salariés en parcours coaniment ces temps, les changements obtenus sont mesurés et présentés au CA, et la méthode est partagée avec d’autres structures.',
          ],
          evidence: [
            'Planning des temps d’expression',
            'Synthèse des questionnaires ou des ateliers',
            'Affichage ou compte rendu des suites données',
            'Décisions de la direction ou du CA issues de ces temps',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.4', '9.1', '10.3'],
          iso26000: ['relations-conditions-travail', 'droits-humains'],
          services: ['DIALOGUE-SOCIAL', 'FORM-QVT'],
          recommendation: {
            title: 'Planifier deux temps d’expression par an dans chaque équipe et afficher les suites',
            text:
              'Planifier au moins deux temps d’expression par an dans chaque équipe, avec une méthode simple (photolangage, questionnaire FALC) et un affichage des suites données. La formation qualité de vie au travail et les ateliers dialogue social du réseau proposent des formats éprouvés.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'ID-5',
      title: 'Coopération et ancrage territorial',
      description:
        'Les partenariats, la participation aux instances de l’insertion et de l’emploi et les coopérations économiques qui ancrent la structure dans son territoire.',
      questions: [
        {
          code: 'ID-5.1',
          text: 'Les partenariats avec les acteurs du territoire (prescripteurs, collectivités, entreprises, organismes de formation, autres SIAE, acteurs sociaux) sont-ils recensés, formalisés et évalués ?',
          help: 'La structure agit rarement seule : l’accompagnement des personnes, l’accès aux marchés et l’emploi à la sortie dépendent de partenaires. Les recenser, écrire ce que chacun apporte et en faire le bilan répond aussi à l’exigence de l’ISO 9001 sur les parties intéressées (4.2).',
          levels: [
            'Les partenaires ne sont pas recensés ; les relations se nouent au coup par coup.',
            'Des relations fortes existent, mais elles reposent sur quelques personnes et disparaissent avec leur départ.',
            'Une liste des partenaires existe et quelques conventions sont signées, sans bilan régulier.',
            'Une cartographie des parties intéressées précise leurs attentes ; les partenariats clés font l’objet de conventions et d’un bilan annuel.',
            'Les partenariats sont évalués avec les partenaires eux-mêmes, des projets communs en naissent et la cartographie est actualisée et partagée.',
          ],
          evidence: [
            'Cartographie des parties intéressées et de leurs attentes',
            'Conventions de partenariat signées',
            'Bilans annuels de partenariat',
            'Comptes rendus de réunions partenariales',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '4.2'],
          iso26000: ['communautes-developpement-local'],
          services: ['ROUAGES-COOPERATION', 'COODIAG'],
          recommendation: {
            title: 'Cartographier les parties intéressées et formaliser les partenariats essentiels',
            text:
              'Dresser la cartographie des parties intéressées et de leurs attentes, puis formaliser les partenariats essentiels par une convention et un bilan annuel. L’outil « Les rouages de la coopération » et la démarche Coodiag aident à repérer les coopérations à développer.',
          },
        },
        {
          code: 'ID-5.2',
          text: 'La structure participe-t-elle aux instances territoriales de l’insertion et de l’emploi (CDIAE, comité local pour l’emploi, comité local TZCLD, inter-réseaux) et rend-elle compte de cette participation en interne ?',
          help: 'Le conseil départemental de l’insertion par l’activité économique (CDIAE) rend des avis sur les conventionnements et oriente l’offre d’insertion du département ; y être présent, directement ou par le réseau, permet de peser sur les décisions qui concernent la structure. Le programme Ambassadeurs de Coorace prépare ses adhérents à cette représentation.',
          levels: [
            'La structure ne connaît pas les instances territoriales ou n’y est jamais représentée.',
            'La direction assiste à certaines réunions selon ses disponibilités, sans mandat ni compte rendu.',
            'La structure est représentée régulièrement dans une instance, mais sa participation n’est ni préparée ni restituée au CA.',
            'La représentation est mandatée par le CA, préparée avec le réseau, et un compte rendu est présenté en interne.',
            'La structure porte des propositions collectives dans ces instances, en suit les effets et aide d’autres adhérents à s’y faire représenter.',
          ],
          evidence: [
            'Mandat de représentation voté par le CA',
            'Comptes rendus du CDIAE ou d’instances locales',
            'Restitutions présentées au CA',
            'Contributions ou notes portées dans ces instances',
          ],
          weight: 1,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.2', '5.1'],
          iso26000: ['communautes-developpement-local', 'gouvernance'],
          services: ['AMBASSADEURS', 'FORM-CULTURE-IAE'],
          recommendation: {
            title: 'Mandater un représentant aux instances territoriales et restituer en CA',
            text:
              'Désigner un représentant mandaté par le CA pour les instances territoriales, préparer les séances avec la délégation régionale et restituer systématiquement en CA. Le programme Ambassadeurs et les kits de plaidoyer de Coorace outillent cette représentation.',
          },
        },
        {
          code: 'ID-5.3',
          text: 'La structure s’engage-t-elle dans des coopérations économiques durables (groupe économique solidaire, PTCE, Territoires zéro chômeur de longue durée, groupement d’employeurs ou de commandes), formalisées et pilotées ?',
          help: 'Coopérer permet de créer ou de consolider des activités, de proposer des parcours plus complets et de mutualiser des fonctions. Un GES qui comprend une ETTI doit respecter les règles d’exclusivité propres à celle-ci ; un PTCE (loi du 31 juillet 2014, art. 9) réunit entreprises, collectivités et acteurs de l’ESS autour d’une stratégie commune.',
          levels: [
            'Aucune coopération économique n’est envisagée ; la structure agit seule.',
            'Des coopérations ponctuelles existent (sous-traitance, prêt de matériel), sans cadre ni projet commun.',
            'La structure participe à un GES, un PTCE ou un projet TZCLD, mais le rôle de chacun et la gouvernance commune ne sont pas écrits.',
            'La coopération est formalisée (convention, statuts du groupe, gouvernance partagée), conforme aux règles applicables et pilotée avec des objectifs suivis.',
            'Les effets de la coopération sont évalués (activités créées, parcours, emplois) et la structure en partage l’expérience au sein du réseau.',
          ],
          evidence: [
            'Conventions ou statuts du GES, du PTCE ou du groupement',
            'Organigramme du groupe et conventions de refacturation',
            'Comptes rendus du comité de pilotage commun',
            'Bilan des activités ou des emplois créés ensemble',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '4.2'],
          iso26000: ['communautes-developpement-local', 'loyaute-pratiques'],
          services: ['PTCE', 'GES-TRIPLE-EXCLUSIVITE', 'ROUAGES-COOPERATION'],
          recommendation: {
            title: 'Formaliser une ou deux coopérations économiques avec leurs objectifs',
            text:
              'Choisir avec le CA une ou deux coopérations économiques à approfondir, puis les formaliser (convention, gouvernance, objectifs suivis). Coorace accompagne la mise en conformité des GES, notamment la triple exclusivité des ETTI, et anime le dispositif national de soutien aux PTCE.',
          },
        },
      ],
    },
  ],
};
