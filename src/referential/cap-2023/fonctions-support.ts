// Thème 3 du référentiel CAP 2023 : les fonctions support, l’organisation et les ressources —
// équipes permanentes, santé et sécurité, qualité de vie au travail, modèle économique,
// conformité, communication, systèmes d’information, transition écologique et achats.
// Le CSE et la publication des comptes sont traités dans le thème « identite » (ID-4.1, ID-3.5),
// le rapport d’activité en ID-2.2 : ils ne sont pas repris ici.
import type { StructureType } from '../schema.ts';
import { ALL_TYPES, type ThemeInput } from './types.ts';

/** Structures conventionnées par l’État au titre de l’IAE (aide au poste, dialogue de gestion). */
const SIAE_TYPES: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'EITI'];

export const theme: ThemeInput = {
  slug: 'fonctions-support',
  title: 'Fonctions support, organisation et ressources',
  description:
    'Comment la structure organise et fait vivre ses ressources : équipes permanentes, santé et sécurité, qualité de vie au travail, modèle économique, conformité juridique, communication, systèmes d’information, transition écologique et achats. Ces fonctions se voient peu depuis les chantiers ou chez les clients, mais elles conditionnent la qualité et la durée de tout le reste.',
  criteria: [
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-1',
      title: 'Ressources humaines et management des équipes permanentes',
      description:
        'Direction, encadrants techniques, chargés d’accompagnement et fonctions administratives portent l’accompagnement : leurs missions, leurs compétences et la façon dont ils sont managés sont le premier levier de qualité.',
      questions: [
        {
          code: 'FS-1.1',
          text: 'Chaque poste permanent dispose-t-il d’une fiche de poste à jour, et chaque nouveau permanent suit-il un parcours d’intégration organisé ?',
          help: 'La fiche de poste précise missions, responsabilités, liens hiérarchiques et compétences attendues ; le parcours d’intégration (livret d’accueil, binôme, découverte de l’IAE, des partenaires et des outils) évite que la qualité de l’accompagnement dépende des hasards des départs et des arrivées.',
          levels: [
            'Aucune fiche de poste ni organigramme ; les nouveaux permanents apprennent leur poste sur le tas, sans accueil prévu.',
            'Quelques postes ont une fiche, et l’accueil des nouveaux dépend de la disponibilité de tel ou tel collègue.',
            'La plupart des postes ont une fiche et un organigramme existe, mais ils ne sont pas tenus à jour et l’intégration n’est pas formalisée.',
            'Tous les postes ont une fiche à jour, l’organigramme est diffusé, et chaque arrivée suit un parcours d’intégration écrit (livret, binôme, points d’étape).',
            'Fiches et parcours d’intégration sont révisés à partir du retour des nouveaux arrivants, et la démarche est partagée avec d’autres structures du réseau.',
          ],
          evidence: [
            'Fiches de poste datées',
            'Organigramme à jour',
            'Livret d’accueil des permanents',
            'Programme ou liste de contrôle d’intégration d’un arrivant récent',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.3', '7.2', '7.3'],
          iso26000: ['relations-conditions-travail'],
          services: ['FORM-RH-MANAGEMENT', 'COOACTIV'],
          recommendation: {
            title: 'Rédiger les fiches de poste et un parcours d’intégration des permanents',
            text:
              'Rédiger ou actualiser une fiche par poste à partir d’un modèle commun, puis construire un parcours d’intégration type (livret, binôme, rencontre des partenaires) à tester lors du prochain recrutement. La formation RH et management de Coorace et le volet GPEC de CooActiv’ peuvent servir d’appui.',
          },
        },
        {
          code: 'FS-1.2',
          text: 'Les entretiens professionnels des permanents sont-ils réalisés à la périodicité légale, tracés par écrit, et complétés par un échange annuel sur le travail et les objectifs ?',
          help: 'L’entretien professionnel porte sur les perspectives d’évolution et de formation : l’article L6315-1 du code du travail l’imposait tous les deux ans dans le cadre en vigueur en 2023, avec un état des lieux récapitulatif à six ans. Depuis la loi n° 2025-989 du 24 octobre 2025, c’est l’entretien de parcours professionnel : dans l’année qui suit l’embauche, puis tous les quatre ans, avec un état des lieux à huit ans (question FS-1.5 de CAP 2026). L’entretien annuel d’évaluation n’est pas obligatoire, mais il structure le dialogue entre manager et salarié.',
          levels: [
            'Aucun entretien professionnel n’a eu lieu ces deux dernières années.',
            'Des entretiens ont lieu pour certains permanents, à l’initiative du manager, sans calendrier ni trace écrite.',
            'Les entretiens professionnels sont réalisés, mais avec retard ou sans compte rendu remis systématiquement au salarié.',
            'Un calendrier garantit la périodicité légale, chaque entretien donne lieu à un compte rendu signé, et les demandes de formation sont reprises dans le plan.',
            'Taux de réalisation et suites données sont suivis, le support est amélioré avec les salariés, et les états des lieux récapitulatifs sont anticipés.',
          ],
          evidence: [
            'Tableau de suivi des dates d’entretien par salarié',
            'Comptes rendus signés',
            'Support d’entretien',
            'États des lieux récapitulatifs',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.2'],
          iso26000: ['relations-conditions-travail'],
          services: ['FORM-RH-MANAGEMENT', 'JUR-PLATEFORME', 'COOACTIV'],
          recommendation: {
            title: 'Tenir le calendrier des entretiens professionnels et un support commun',
            text:
              'Tenir un tableau des échéances d’entretien par salarié, adopter un support commun et former les managers à conduire ces échanges. En cas de doute sur les échéances ou les obligations, interroger la plateforme juridique de Coorace.',
          },
        },
        {
          code: 'FS-1.3',
          text: 'Un plan de développement des compétences des permanents est-il construit chaque année à partir des besoins repérés, et sa réalisation est-elle suivie ?',
          help: 'Les métiers de l’encadrement technique et de l’accompagnement évoluent (réformes de l’IAE, nouveaux publics, outils numériques) ; l’employeur doit en outre assurer l’adaptation des salariés à leur poste (art. L6321-1 du code du travail). Un plan annuel relié aux entretiens et au projet maintient les compétences, avec l’appui de l’opérateur de compétences (OPCO).',
          levels: [
            'Aucun permanent n’a suivi de formation depuis plus de deux ans, et aucun besoin n’est recensé.',
            'Des formations sont suivies au gré des offres reçues ou des demandes individuelles, sans vision d’ensemble.',
            'Un plan de formation existe, mais il n’est ni relié aux entretiens ni suivi en cours d’année.',
            'Le plan annuel est bâti à partir des entretiens et des orientations du projet, budgété avec l’OPCO, et son taux de réalisation est suivi.',
            'Les effets des formations sur les pratiques sont évalués, le plan est ajusté, et des formations sont mutualisées avec d’autres structures du territoire.',
          ],
          evidence: [
            'Plan de développement des compétences de l’année',
            'Bilan des formations réalisées',
            'Échanges et accords de prise en charge de l’OPCO',
            'Attestations de formation',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.2', '7.1.2'],
          iso26000: ['relations-conditions-travail'],
          services: ['FORM-DEV-PRO', 'CIP-CERTIFIANT', 'COOACTIV'],
          recommendation: {
            title: 'Construire le plan annuel de développement des compétences des permanents',
            text:
              'Recenser les besoins lors des entretiens, les hiérarchiser au regard du projet et construire un plan annuel chiffré avec l’OPCO. Le catalogue de formation de Coorace et le parcours certifiant CIP répondent aux besoins propres aux métiers de l’insertion.',
          },
        },
        {
          code: 'FS-1.4',
          text: 'Les encadrants et les chargés d’accompagnement disposent-ils de temps collectifs réguliers (réunions d’équipe, analyse de pratiques) et de délégations claires ?',
          help: 'Encadrer des salariés en parcours expose à des situations complexes et à des tensions entre production et accompagnement. Des réunions d’équipe régulières, des temps d’analyse de pratiques et des délégations écrites soutiennent les professionnels et assurent la cohérence des décisions.',
          levels: [
            'Il n’existe pas de réunion d’équipe ; chacun gère seul les situations difficiles.',
            'Des réunions ont lieu quand un problème survient, sans ordre du jour ni compte rendu.',
            'Des réunions d’équipe se tiennent régulièrement, mais sans analyse de pratiques ni règles de délégation écrites.',
            'Réunions planifiées avec compte rendu, analyse de pratiques au moins trimestrielle et délégations écrites : chacun sait qui décide de quoi.',
            'Les pratiques managériales sont évaluées auprès des équipes (enquête, entretiens), améliorées, et échangées avec d’autres directions du réseau.',
          ],
          evidence: [
            'Planning et comptes rendus des réunions d’équipe',
            'Convention d’analyse de pratiques ou de supervision',
            'Tableau des délégations',
            'Résultats d’une enquête interne sur le management',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['5.3', '7.1.2', '7.1.4'],
          iso26000: ['relations-conditions-travail'],
          services: ['FORM-RH-MANAGEMENT', 'FORM-QVT'],
          recommendation: {
            title: 'Installer des réunions d’équipe régulières et un temps d’analyse de pratiques',
            text:
              'Installer un rythme de réunions d’équipe avec ordre du jour et compte rendu, puis ajouter un temps d’analyse de pratiques animé par un intervenant extérieur. La formation RH et management de Coorace aide les encadrants à structurer ces temps et à clarifier les délégations.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-2',
      title: 'Santé et sécurité au travail',
      description:
        'Chantiers, ateliers, mises à disposition chez des clients, publics parfois fragilisés : prévenir les risques est une obligation de l’employeur et une condition de parcours réussis.',
      questions: [
        {
          code: 'FS-2.1',
          text: 'Le document unique d’évaluation des risques professionnels (DUERP) est-il rédigé, mis à jour et décliné en actions de prévention suivies ?',
          help: 'Le DUERP est obligatoire dès le premier salarié (art. R4121-1 du code du travail) ; il est mis à jour au moins chaque année à partir de 11 salariés, et dans tous les cas lors d’un changement important ou d’une information nouvelle sur un risque, puis conservé 40 ans. Il débouche sur un programme annuel de prévention (50 salariés et plus) ou sur une liste d’actions de prévention.',
          levels: [
            'Aucun DUERP n’a été rédigé.',
            'Un DUERP existe mais il est ancien, écrit par une seule personne, et ne couvre ni toutes les activités ni tous les lieux de travail.',
            'Le DUERP couvre les activités principales, mais sa mise à jour est irrégulière et les actions de prévention ne sont pas suivies.',
            'Le DUERP est mis à jour au rythme légal avec les équipes, couvre chaque unité de travail (risques psychosociaux compris) et alimente un plan d’actions suivi.',
            'Le plan de prévention est évalué (accidents, absentéisme), les salariés en parcours participent à l’évaluation des risques, et la méthode est partagée avec d’autres structures.',
          ],
          evidence: [
            'DUERP daté avec l’historique de ses versions',
            'Programme ou liste des actions de prévention',
            'Compte rendu de consultation du CSE',
            'Relevé des actions réalisées',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['6.1', '7.1.4', '7.5'],
          iso26000: ['relations-conditions-travail'],
          services: ['SANTE-TRAVAIL', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Mettre à jour le DUERP avec les équipes et en tirer un plan d’actions daté',
            text:
              'Mettre à jour le DUERP unité de travail par unité de travail en associant encadrants, salariés en parcours et CSE, puis en tirer un plan d’actions daté. Le webinaire santé au travail de Coorace présente le cadre issu de la loi du 2 août 2021 et des outils pour y répondre.',
          },
        },
        {
          code: 'FS-2.2',
          text: 'Chaque salarié, permanent ou en parcours, reçoit-il une formation à la sécurité adaptée à son poste avant d’y être affecté, avec les équipements de protection nécessaires ?',
          help: 'L’employeur organise une formation pratique et appropriée à la sécurité à l’embauche et à chaque changement de poste (art. L4141-2 du code du travail), renforcée pour les salariés en contrat à durée déterminée ou intérimaires affectés à des postes à risques particuliers (art. L4154-2). En cas de mise à disposition ou de mission, la structure vérifie avec l’entreprise utilisatrice que cet accueil sécurité est assuré.',
          levels: [
            'Aucune consigne de sécurité n’est donnée à la prise de poste, et les équipements de protection ne sont pas fournis systématiquement.',
            'Les consignes sont transmises oralement par l’encadrant, de façon variable selon les chantiers ou les missions.',
            'Un accueil sécurité existe et les équipements de protection sont fournis, mais sans trace écrite ni vérification chez les entreprises utilisatrices.',
            'Chaque prise de poste donne lieu à un accueil sécurité signé, les équipements sont remis contre émargement et les habilitations et autorisations de conduite sont suivies.',
            'Les contenus sont adaptés aux publics (supports visuels, langues), révisés après chaque incident, et construits avec les entreprises utilisatrices.',
          ],
          evidence: [
            'Fiches d’accueil sécurité signées',
            'Registre de remise des équipements de protection individuelle',
            'Tableau des habilitations et autorisations de conduite avec leurs échéances',
            'Échanges avec les entreprises utilisatrices sur les postes à risques',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.2', '7.1.4'],
          iso26000: ['relations-conditions-travail'],
          services: ['SANTE-TRAVAIL', 'VITA-AIR'],
          recommendation: {
            title: 'Formaliser l’accueil sécurité par poste et suivre les habilitations',
            text:
              'Formaliser un accueil sécurité type par poste ou chantier, tracé par émargement, et tenir un tableau des habilitations à renouveler. Pour les mises à disposition, examiner les risques du poste avec le client, par exemple lors d’un diagnostic de poste Vita Air.',
          },
        },
        {
          code: 'FS-2.3',
          text: 'Les accidents du travail et maladies professionnelles sont-ils déclarés dans les délais, analysés avec les personnes concernées et suivis par des indicateurs ?',
          help: 'L’employeur déclare tout accident du travail à la caisse primaire d’assurance maladie dans les 48 heures ; lors d’une mise à disposition ou d’une mission, l’entreprise utilisatrice doit l’en informer sans délai. Analyser les causes (arbre des causes) et suivre fréquence, gravité et taux de cotisation AT/MP permet de cibler la prévention et d’alimenter le DUERP.',
          levels: [
            'Les accidents ne sont pas toujours déclarés, et aucun n’est analysé.',
            'Les accidents sont déclarés, et certains sont discutés de manière informelle après coup.',
            'Les accidents sont déclarés dans les délais et recensés, mais l’analyse des causes reste rare et les presque-accidents ne sont pas relevés.',
            'Chaque accident ou presque-accident est enregistré et analysé avec les personnes concernées ; les actions décidées sont suivies et reportées dans le DUERP.',
            'Fréquence, gravité, jours d’arrêt et taux de cotisation AT/MP sont suivis et présentés aux équipes, et les enseignements sont partagés avec les clients et le réseau.',
          ],
          evidence: [
            'Déclarations d’accident du travail',
            'Analyses des causes et actions décidées',
            'Tableau d’indicateurs accidents du travail et maladies professionnelles',
            'Notification du taux de cotisation AT/MP',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['10.2', '9.1'],
          iso26000: ['relations-conditions-travail'],
          services: ['SANTE-TRAVAIL', 'FORM-QUALITE'],
          recommendation: {
            title: 'Analyser chaque accident du travail et reporter les actions dans le DUERP',
            text:
              'Mettre en place une fiche simple de signalement, analyser chaque accident avec la méthode de l’arbre des causes et reporter les actions dans le DUERP. Présenter chaque semestre quelques indicateurs à l’équipe ancre la démarche.',
          },
        },
        {
          code: 'FS-2.4',
          text: 'Le suivi de l’état de santé des salariés est-il assuré par un service de prévention et de santé au travail, avec toutes les visites prévues par les textes ?',
          help: 'L’adhésion à un service de prévention et de santé au travail est obligatoire. Chaque salarié bénéficie d’une visite d’information et de prévention dans les trois mois suivant sa prise de poste (examen d’aptitude préalable pour les postes à risques), d’une visite de reprise après certaines absences et, depuis 2022, d’une visite de mi-carrière. Pour des salariés en parcours, ce suivi est aussi une porte d’entrée vers le soin.',
          levels: [
            'La structure n’adhère à aucun service de santé au travail, ou n’organise aucune visite.',
            'Les visites sont demandées au cas par cas, souvent avec retard, sans suivi des échéances.',
            'Les visites d’embauche sont organisées, mais les visites de reprise, périodiques et de mi-carrière ne sont pas suivies.',
            'Un tableau des échéances couvre toutes les visites obligatoires, et les avis et préconisations du médecin du travail sont mis en œuvre.',
            'La structure mène avec le service de santé au travail des actions collectives (prévention, maintien en emploi) et en fait le bilan avec l’équipe.',
          ],
          evidence: [
            'Attestation d’adhésion au service de prévention et de santé au travail',
            'Tableau de suivi des visites',
            'Avis et attestations de suivi',
            'Fiche d’entreprise établie par le service',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.1.4'],
          iso26000: ['relations-conditions-travail'],
          services: ['SANTE-TRAVAIL', 'JUR-PLATEFORME'],
          recommendation: {
            title: 'Tenir un tableau des échéances de visites de santé au travail',
            text:
              'Tenir un tableau des échéances de visites alimenté dès l’embauche, et rencontrer le service de santé au travail pour définir les suivis adaptés aux postes et aux publics. La plateforme juridique de Coorace répond aux questions sur les visites et les avis d’inaptitude.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-3',
      title: 'Qualité de vie au travail et protection sociale',
      description:
        'Un cadre de travail soutenable pour les permanents comme pour les salariés en parcours : prévention des risques psychosociaux discutée avec le personnel, protection sociale complémentaire et avantages sociaux.',
      questions: [
        {
          code: 'FS-3.1',
          text: 'Les risques psychosociaux et la qualité de vie au travail font-ils l’objet d’une démarche repérable (diagnostic, actions, indicateurs), discutée avec les représentants du personnel ou, à défaut, avec les salariés ?',
          help: 'Charge émotionnelle de l’accompagnement, tensions entre production et insertion, isolement sur les chantiers : les risques psychosociaux relèvent de l’obligation générale de prévention (art. L4121-1 du code du travail) et doivent figurer dans le DUERP. Une démarche de qualité de vie et des conditions de travail agit à la source (organisation, charge, reconnaissance, conciliation des temps) ; le CSE, quand il existe, est consulté sur les conditions de travail.',
          levels: [
            'Le sujet n’est jamais abordé, et aucun indicateur (absentéisme, départs) n’est suivi.',
            'Les difficultés sont traitées au cas par cas lorsqu’elles deviennent visibles, sans analyse des causes.',
            'Les risques psychosociaux figurent dans le DUERP et quelques actions existent (écoute, aménagements), sans plan d’ensemble.',
            'Un diagnostic associant les salariés débouche sur un plan QVT discuté avec le CSE ou l’équipe, et absentéisme et départs sont analysés chaque année.',
            'La démarche est évaluée avec les salariés, ajustée, et partagée avec des partenaires (réseau, mutuelle, service de santé au travail).',
          ],
          evidence: [
            'Volet risques psychosociaux du DUERP',
            'Résultats d’un questionnaire ou d’un diagnostic QVT',
            'Plan d’actions QVT et compte rendu de sa présentation au CSE',
            'Indicateurs d’absentéisme et de rotation du personnel',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.1.4', '6.1'],
          iso26000: ['relations-conditions-travail'],
          services: ['FORM-QVT', 'HARMONIE-MUTUELLE', 'DIALOGUE-SOCIAL'],
          recommendation: {
            title: 'Lancer un diagnostic de qualité de vie au travail et retenir trois actions',
            text:
              'Lancer un diagnostic court avec les équipes (questionnaire, groupe d’expression), retenir trois actions prioritaires et suivre chaque année absentéisme et départs. La formation QVT de Coorace, ses ateliers dialogue social et le partenariat Harmonie Mutuelle ESS peuvent accompagner la démarche.',
          },
        },
        {
          code: 'FS-3.2',
          text: 'Tous les salariés bénéficient-ils d’une complémentaire santé collective et des garanties de prévoyance applicables, et en sont-ils clairement informés ?',
          help: 'Depuis 2016, tout employeur privé doit proposer une complémentaire santé collective financée au moins pour moitié (art. L911-7 du code de la sécurité sociale), sous réserve des cas de dispense prévus ; la prévoyance dépend de la convention collective et est obligatoire pour les cadres. Pour des salariés en contrat court, une information claire conditionne l’accès réel à ces droits.',
          levels: [
            'Aucune complémentaire santé collective n’est en place.',
            'Un contrat existe, mais il n’a pas été confronté à la convention collective et les salariés en parcours ignorent leurs droits.',
            'Santé et prévoyance sont en place, mais l’information remise est minimale et les dispenses ne sont pas toutes documentées.',
            'Les contrats sont conformes à la convention collective, chaque salarié reçoit à l’embauche une notice expliquée, et les dispenses sont tracées.',
            'Les garanties sont réexaminées avec les représentants du personnel au regard des besoins, et des actions de prévention santé sont menées avec l’organisme assureur.',
          ],
          evidence: [
            'Contrats santé et prévoyance et acte de mise en place',
            'Notices remises aux salariés',
            'Demandes de dispense signées',
            'Convention collective applicable',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.1.2'],
          iso26000: ['relations-conditions-travail'],
          services: ['HARMONIE-MUTUELLE', 'JUR-PLATEFORME'],
          recommendation: {
            title: 'Vérifier les contrats de santé et prévoyance et informer chaque salarié',
            text:
              'Vérifier la conformité des contrats à la convention collective et à l’acte de mise en place, remettre et expliquer une notice à chaque embauche, et tracer les dispenses. Le partenariat Harmonie Mutuelle ESS de Coorace permet de comparer les garanties.',
          },
        },
        {
          code: 'FS-3.3',
          text: 'La structure propose-t-elle à tous ses salariés, y compris en parcours, des avantages sociaux (titres-restaurant, chèques-vacances, épargne salariale, aménagements d’horaires) et vérifie-t-elle qu’ils sont connus et utilisés ?',
          help: 'Ces avantages ne sont pas obligatoires, mais ils améliorent le pouvoir d’achat et la conciliation des temps de salariés souvent à faibles revenus, et rendent les postes permanents plus attractifs. Les exonérations sociales attachées à certains d’entre eux, sous conditions, en limitent le coût.',
          levels: [
            'Aucun avantage social n’est proposé au-delà du salaire et des obligations légales.',
            'Des avantages ponctuels existent (prime, repas offert) selon les années, sans règle connue de tous.',
            'Un ou deux avantages sont en place, mais les salariés en parcours les connaissent mal ou n’y ont pas accès dans les mêmes conditions.',
            'Les avantages sont écrits, ouverts à tous selon des règles claires, présentés à l’embauche, et leur taux de recours est suivi.',
            'L’offre est revue avec les représentants du personnel selon les besoins exprimés, et comparée à celle d’autres structures du réseau.',
          ],
          evidence: [
            'Note ou accord décrivant les avantages',
            'Livret d’accueil mentionnant les avantages',
            'Taux de recours par dispositif',
            'Contrats avec les prestataires (titres, épargne salariale)',
          ],
          weight: 1,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.1.4'],
          iso26000: ['relations-conditions-travail'],
          services: ['AVANTAGES-SALARIES', 'ANCV-VACANCES', 'CREDIT-COOPERATIF'],
          recommendation: {
            title: 'Choisir un ou deux avantages sociaux ouverts à tous les salariés',
            text:
              'Recenser les besoins des salariés (repas, vacances, épargne, horaires), choisir un ou deux avantages accessibles à tous et les présenter dans le livret d’accueil. Coorace propose des partenariats pour l’épargne salariale (Crédit Coopératif), les titres-restaurant et chèques cadeaux (Up) et les vacances (ANCV).',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-4',
      title: 'Modèle économique et pilotage financier',
      description:
        'Budget et suivi financier, relation avec l’État autour du conventionnement et de l’aide au poste, diversification des ressources : la solidité économique conditionne la continuité des parcours.',
      questions: [
        {
          code: 'FS-4.1',
          text: 'Un budget prévisionnel est-il adopté chaque année et comparé au réalisé à l’aide d’un tableau de bord (activité, charges, trésorerie) ?',
          help: 'Le budget traduit le projet en moyens. Un suivi au moins trimestriel du réalisé et un plan de trésorerie permettent d’anticiper les décalages de versement des aides et de paiement des clients, et de décider à temps.',
          levels: [
            'Aucun budget prévisionnel n’est établi ; la situation financière n’est connue qu’à la clôture des comptes.',
            'Un budget est établi pour les dossiers des financeurs, mais il n’est pas suivi en cours d’année.',
            'Le budget est comparé au réalisé une ou deux fois par an, sans plan de trésorerie ni tableau de bord partagé.',
            'Budget adopté par l’instance dirigeante, suivi trimestriel du réalisé, plan de trésorerie à douze mois et tableau de bord présenté au conseil.',
            'Des scénarios pluriannuels éclairent les décisions, et les indicateurs sont discutés avec l’équipe et comparés à ceux de structures similaires du réseau.',
          ],
          evidence: [
            'Budget prévisionnel approuvé',
            'Tableau de bord budget et réalisé',
            'Plan de trésorerie',
            'Comptes rendus du conseil d’administration',
          ],
          weight: 3,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.1', '6.1', '9.1'],
          iso26000: ['gouvernance'],
          services: ['FORM-PILOTAGE', 'CREDIT-COOPERATIF'],
          recommendation: {
            title: 'Construire un tableau de bord financier trimestriel présenté au conseil',
            text:
              'Construire un tableau de bord simple (activité, budget et réalisé, trésorerie) mis à jour chaque trimestre et présenté à chaque conseil. La formation de Coorace au pilotage d’une SIAE aide à choisir les indicateurs ; le Crédit Coopératif peut être sollicité pour les besoins de financement repérés.',
          },
        },
        {
          code: 'FS-4.2',
          text: 'La convention avec l’État, son annexe financière et les données de suivi des salariés en parcours sont-elles à jour, et le dialogue de gestion annuel avec la DDETS est-il préparé ?',
          help: 'Le conventionnement par l’État (DDETS, après avis du CDIAE, pour trois ans au plus) conditionne l’aide au poste ; l’annexe financière est fixée chaque année lors du dialogue de gestion, sur la base du bilan d’activité et des données transmises à l’ASP. Une préparation soignée (sorties, profils accueillis, efforts d’accompagnement) fonde la demande de modulation de l’aide au poste, de 0 à 10 % du montant socle.',
          levels: [
            'La convention ou l’annexe financière n’est pas à jour, ou les saisies de suivi des salariés sont en retard.',
            'Les documents sont produits dans l’urgence avant l’échéance, par une seule personne, sans analyse des résultats.',
            'Convention et saisies sont à jour, mais le dialogue de gestion se limite à un échange de chiffres, sans argumentaire sur la modulation.',
            'Un calendrier prépare le dialogue de gestion : bilan chiffré, analyse des sorties et des profils, argumentaire de modulation validé par la direction et la gouvernance.',
            'Les objectifs convenus avec la DDETS sont suivis en cours d’année et partagés avec l’équipe, et la structure contribue aux travaux du CDIAE.',
          ],
          evidence: [
            'Convention en cours et annexe financière de l’année',
            'Bilan d’activité transmis à la DDETS',
            'Compte rendu du dernier dialogue de gestion',
            'Taux de modulation obtenu et son calcul',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: SIAE_TYPES,
          iso9001: ['7.1', '9.1', '4.2'],
          iso26000: ['gouvernance'],
          services: ['FORM-PILOTAGE', 'FORM-CULTURE-IAE', 'AMBASSADEURS'],
          recommendation: {
            title: 'Préparer le dialogue de gestion avec un rétroplanning et un dossier type',
            text:
              'Bâtir un rétroplanning du dialogue de gestion et un dossier type (sorties, profils, moyens d’accompagnement) alimenté tout au long de l’année. Les formations de Coorace au pilotage et à la culture IAE aident à le construire, et le programme Ambassadeurs permet de représenter le réseau au CDIAE.',
          },
        },
        {
          code: 'FS-4.3',
          text: 'La structure connaît-elle la part de chacune de ses ressources (ventes, aides, subventions) et agit-elle pour les diversifier et renforcer ses fonds propres ?',
          help: 'Dépendre d’un seul financeur ou d’un seul client fragilise la structure ; suivre la répartition des ressources, chercher de nouveaux marchés et constituer des réserves renforcent l’autonomie financière. Dans les ACI, la part des recettes commerciales est encadrée par la réglementation (en principe moins de 30 % des charges liées à l’activité, jusqu’à 50 % sur décision du préfet).',
          levels: [
            'La répartition des ressources n’est pas connue, et aucune action de diversification n’est menée.',
            'La direction connaît les principaux financeurs et clients, mais la dépendance n’est ni mesurée ni discutée.',
            'La part de chaque ressource est suivie, mais les pistes de diversification restent ponctuelles et les fonds propres faibles.',
            'Une stratégie écrite fixe des objectifs de diversification et de fonds propres, suivis chaque année par l’instance dirigeante.',
            'La stratégie est réévaluée au vu des résultats, et des coopérations (filières, PTCE, financeurs solidaires) ouvrent de nouvelles ressources.',
          ],
          evidence: [
            'Répartition des produits par origine sur trois ans',
            'Part du premier client et du premier financeur',
            'Plan de développement commercial',
            'Fonds propres et trésorerie exprimés en jours de charges',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['6.1', '7.1'],
          iso26000: ['gouvernance', 'communautes-developpement-local'],
          services: ['FORM-COMMERCIAL', 'CREDIT-COOPERATIF', 'ATELIERS-FILIERES'],
          recommendation: {
            title: 'Mesurer la dépendance aux ressources et fixer des objectifs de diversification',
            text:
              'Calculer la part de chaque source de revenus et le poids du premier client ou financeur, puis fixer deux ou trois objectifs de diversification. Les formations au développement commercial, les ateliers filières de Coorace et les financements du Crédit Coopératif (fonds propres ou prêts) soutiennent ces projets.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-5',
      title: 'Conformité juridique et veille',
      description:
        'Registres, affichages, assurances et veille réglementaire : les obligations de base de tout employeur, rendues plus denses par les règles propres à l’IAE.',
      questions: [
        {
          code: 'FS-5.1',
          text: 'Les obligations administratives de base sont-elles tenues à jour et vérifiées : registre unique du personnel, affichages obligatoires, règlement intérieur s’il est requis, assurances obligatoires ?',
          help: 'Le registre unique du personnel (art. L1221-13 du code du travail) recense tous les salariés, y compris en parcours ; plusieurs informations doivent être affichées ou communiquées (inspection du travail, santé au travail, convention collective, horaires, lutte contre le harcèlement…), et un règlement intérieur est obligatoire à partir de 50 salariés. L’assurance des véhicules est obligatoire ; les autres contrats (responsabilité civile, locaux, chantiers, mises à disposition) doivent suivre l’évolution des activités.',
          levels: [
            'Le registre unique du personnel n’est pas tenu, les affichages sont absents, ou des activités s’exercent sans assurance adaptée.',
            'Registre, affichages et contrats d’assurance existent, mais sont complétés au fil de l’eau sans vérification de leur exhaustivité.',
            'Le registre est à jour et les assurances obligatoires souscrites, mais affichages et couvertures ne sont pas revus lors des changements d’activité.',
            'Une liste des registres, affichages et assurances applicables est tenue par un responsable et vérifiée au moins une fois par an.',
            'Cette liste est revue à chaque évolution réglementaire ou nouvelle activité, les sinistres sont analysés avec l’assureur, et les contrôles ne relèvent pas d’écart.',
          ],
          evidence: [
            'Registre unique du personnel',
            'Liste ou photographies des affichages obligatoires',
            'Règlement intérieur et preuve de sa communication',
            'Tableau des contrats d’assurance avec attestations et échéances',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.5', '6.1'],
          iso26000: ['gouvernance', 'relations-conditions-travail'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Dresser et vérifier chaque année la liste des registres, affichages et assurances',
            text:
              'Dresser la liste des registres, affichages et assurances applicables à la structure, désigner un responsable et la vérifier chaque année et à chaque nouvelle activité. La boîte à outils juridique de Coorace fournit des modèles de documents.',
          },
        },
        {
          code: 'FS-5.2',
          text: 'Une veille juridique organisée permet-elle de connaître et d’appliquer à temps les évolutions réglementaires (IAE, droit du travail, convention collective) ?',
          help: 'Les règles de l’IAE, du droit du travail et des conventions collectives changent souvent (PASS IAE, santé au travail, contrats passerelles…). Désigner un responsable, suivre des sources fiables et tracer les décisions prises évite les mises en conformité tardives.',
          levels: [
            'Aucune veille : les évolutions sont découvertes lors d’un contrôle ou d’un litige.',
            'La direction lit les informations reçues au fil de l’eau, sans les partager ni vérifier leur application.',
            'Une personne suit les sources du réseau et les relaie à l’équipe, mais les mises en conformité ne sont pas suivies.',
            'Un responsable tient un tableau des évolutions, de leur impact et des actions engagées, revu en réunion de direction.',
            'La veille est partagée avec les équipes et d’autres structures, et la structure fait remonter au réseau les difficultés d’application pour nourrir le plaidoyer.',
          ],
          evidence: [
            'Abonnements et sources suivies',
            'Tableau de veille avec les actions associées',
            'Comptes rendus de réunions où la veille est présentée',
            'Questions posées au service juridique et réponses',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '6.1', '7.1.6'],
          iso26000: ['gouvernance', 'loyaute-pratiques'],
          services: ['JUR-ATELIERS', 'JUR-PLATEFORME'],
          recommendation: {
            title: 'Désigner un responsable de la veille juridique et suivre les mises en conformité',
            text:
              'Désigner un responsable de la veille, suivre les webinaires d’actualité juridique de Coorace et tenir un tableau reliant chaque évolution à une action. La plateforme juridique répond aux questions d’application.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-6',
      title: 'Communication, systèmes d’information et données personnelles',
      description:
        'Faire circuler l’information en interne, se faire connaître à l’extérieur, et protéger les données des personnes, en particulier celles des salariés en parcours.',
      questions: [
        {
          code: 'FS-6.1',
          text: 'L’information interne circule-t-elle de façon organisée entre direction, permanents et salariés en parcours (réunions, affichage, outils partagés) ?',
          help: 'Sur des sites et chantiers dispersés, les salariés en parcours sont souvent les derniers informés. Des canaux définis (réunions d’information, panneau, messagerie, documents partagés) et des supports adaptés à tous les niveaux de lecture renforcent la participation et le sentiment d’appartenance.',
          levels: [
            'Aucun canal d’information interne : l’information circule par le bouche-à-oreille.',
            'Les informations importantes sont transmises quand on y pense, surtout aux permanents.',
            'Des canaux existent (réunions, affichage, messagerie), mais leur usage est irrégulier et les salariés en parcours y ont peu accès.',
            'Un plan de communication interne fixe canaux, rythmes et responsables, les supports sont adaptés aux salariés en parcours et une réunion générale a lieu régulièrement.',
            'L’efficacité de la communication interne est évaluée auprès des salariés et améliorée, et ceux-ci contribuent aux contenus (lettre interne, témoignages).',
          ],
          evidence: [
            'Plan ou calendrier de communication interne',
            'Comptes rendus de réunions générales',
            'Panneau d’affichage ou lettre interne',
            'Résultats d’un sondage interne',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.4', '7.3'],
          iso26000: ['relations-conditions-travail', 'gouvernance'],
          services: ['FORM-COMMUNICATION', 'FORM-RH-MANAGEMENT'],
          recommendation: {
            title: 'Définir qui informe qui, par quel canal et à quel rythme',
            text:
              'Définir qui informe qui, par quel canal et à quel rythme, avec des supports simples et visuels pour les salariés en parcours. La formation communication de Coorace aide à construire ce plan.',
          },
        },
        {
          code: 'FS-6.2',
          text: 'Les supports de communication externe (site internet, plaquettes, réseaux sociaux, relations presse) sont-ils à jour, cohérents entre eux et confiés à un responsable ?',
          help: 'Clients, prescripteurs, candidats et élus se font une idée de la structure à partir de ce qu’ils trouvent en ligne ou reçoivent. Des supports à jour, qui présentent l’offre, le projet et les résultats (par exemple les chiffres clés du rapport d’activité), facilitent les prescriptions, les ventes et les recrutements.',
          levels: [
            'Pas de site internet ni de support de présentation à jour.',
            'Un site ou une plaquette existe mais date de plusieurs années ; les publications dépendent de l’initiative d’une personne.',
            'Site et plaquettes sont globalement à jour, mais sans calendrier ni ligne éditoriale, et les messages varient selon les supports.',
            'Un plan de communication externe fixe cibles, messages et calendrier ; un responsable actualise site et supports et y reprend chaque année les résultats de la structure.',
            'Les retombées sont mesurées (visites, contacts, candidatures), des salariés en parcours témoignent avec leur accord, et la structure relaie les messages du réseau.',
          ],
          evidence: [
            'Site internet et date de sa dernière mise à jour',
            'Plaquettes commerciales et de présentation',
            'Plan ou calendrier de communication externe',
            'Statistiques de fréquentation ou de contacts',
          ],
          weight: 1,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.4', '4.2'],
          iso26000: ['gouvernance', 'communautes-developpement-local'],
          services: ['FORM-COMMUNICATION', 'AMBASSADEURS'],
          recommendation: {
            title: 'Confier les supports de communication externe à un responsable',
            text:
              'Confier l’actualisation du site et des supports à un responsable, avec un calendrier simple, et réutiliser chaque année les chiffres clés et témoignages du rapport d’activité. La formation communication et les kits de plaidoyer de Coorace aident à porter le message.',
          },
        },
        {
          code: 'FS-6.3',
          text: 'Les traitements de données personnelles sont-ils recensés dans un registre, et les personnes concernées (salariés, candidats, clients) sont-elles informées de leurs droits ?',
          help: 'Le règlement général sur la protection des données impose de tenir un registre des traitements (art. 30) : la dispense des structures de moins de 250 salariés ne vaut que pour des traitements occasionnels sans données sensibles, ce qui n’est pas le cas de la paie ni du suivi des parcours (santé, situation sociale). Les personnes doivent être informées de l’usage de leurs données et de leurs droits (art. 13).',
          levels: [
            'Aucun registre des traitements, et aucune information des personnes sur l’usage de leurs données.',
            'Le sujet a été évoqué, mais seules des mentions isolées existent (formulaire, contrat), sans inventaire des traitements.',
            'Un registre existe mais il est incomplet ou ancien, et l’information des salariés en parcours n’est pas systématique.',
            'Le registre couvre tous les traitements (recrutement, suivi des parcours, paie, clients), un référent le tient à jour, et chaque personne reçoit une information écrite et compréhensible.',
            'Le registre est revu chaque année, les demandes d’exercice des droits sont tracées et traitées, et les pratiques sont partagées avec d’autres structures du réseau.',
          ],
          evidence: [
            'Registre des traitements',
            'Mentions d’information remises aux salariés et aux candidats',
            'Désignation d’un référent données personnelles',
            'Journal des demandes d’accès, de rectification ou d’effacement',
          ],
          weight: 3,
          legal: true,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.5'],
          iso26000: ['consommateurs', 'droits-humains'],
          services: ['JUR-PLATEFORME', 'JUR-ATELIERS'],
          recommendation: {
            title: 'Tenir le registre des traitements de données et informer les personnes',
            text:
              'Désigner un référent, inventorier les traitements à partir des modèles de la CNIL, puis rédiger des mentions d’information simples pour les salariés en parcours. Les ateliers et la boîte à outils juridiques de Coorace fournissent des modèles.',
          },
        },
        {
          code: 'FS-6.4',
          text: 'Les données et outils numériques sont-ils protégés : droits d’accès selon les fonctions, sauvegardes testées, documents de référence rangés et à jour ?',
          help: 'Dossiers de suivi des salariés en parcours, paie, comptabilité : une perte ou une fuite peut être grave pour les personnes comme pour la structure. Le RGPD impose des mesures de sécurité adaptées (art. 32) et la notification de certaines violations à la CNIL sous 72 heures ; une arborescence commune et des documents versionnés garantissent que chacun utilise les bons modèles.',
          levels: [
            'Pas de sauvegarde organisée, mots de passe partagés, et documents dispersés sur des postes personnels.',
            'Des sauvegardes sont faites de temps en temps par une personne, et les accès ne sont pas différenciés selon les fonctions.',
            'Sauvegardes régulières et comptes nominatifs existent, mais aucune restauration n’a été testée et le rangement des documents reste hétérogène.',
            'Droits d’accès définis par fonction et revus à chaque départ, sauvegardes automatiques testées, arborescence commune et documents de référence versionnés.',
            'Un autodiagnostic de sécurité est mené chaque année, les incidents sont analysés, et les équipes sont sensibilisées régulièrement.',
          ],
          evidence: [
            'Tableau des droits d’accès par fonction',
            'Procédure de sauvegarde et compte rendu d’un test de restauration',
            'Liste des documents de référence avec leur version',
            'Procédure en cas de violation de données',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['7.5', '7.1.3', '6.1'],
          iso26000: ['consommateurs'],
          services: ['FORM-QUALITE', 'JUR-ATELIERS', 'CAP-ISO9001'],
          recommendation: {
            title: 'Définir les accès par fonction et tester la restauration des sauvegardes',
            text:
              'Définir les accès par fonction, supprimer les comptes partagés, automatiser les sauvegardes et tester une restauration chaque année ; organiser une arborescence commune des documents de référence. La formation qualité et l’accompagnement CAP ISO 9001 de Coorace aident à structurer la maîtrise documentaire.',
          },
        },
      ],
    },
    // ─────────────────────────────────────────────────────────────────────────────────────────
    {
      code: 'FS-7',
      title: 'Transition écologique, achats et fournisseurs',
      description:
        'Réduire l’empreinte environnementale du fonctionnement (énergie, déchets, déplacements) et faire des achats un levier de responsabilité sociale et territoriale.',
      questions: [
        {
          code: 'FS-7.1',
          text: 'Les consommations d’énergie, les déchets et les déplacements (véhicules, tournées, trajets) de la structure sont-ils suivis et font-ils l’objet d’actions de réduction ?',
          help: 'Chauffage des locaux, machines des ateliers, déchets de production ou de chantier, parc de véhicules : mesurer ces postes est la première étape d’une démarche de sobriété, qui réduit aussi les coûts et le risque routier. Le tri de plusieurs flux de déchets est encadré par la réglementation, et les bâtiments tertiaires de plus de 1 000 m² sont soumis à des objectifs de baisse des consommations.',
          levels: [
            'Ni les consommations, ni les déchets, ni l’usage des véhicules ne sont suivis, et le sujet n’a jamais été abordé.',
            'Des gestes individuels existent (extinction, tri du papier, covoiturage spontané), sans consigne commune ni suivi.',
            'Factures d’énergie et de carburant sont suivies et le tri est organisé sur certains sites, sans objectifs chiffrés ni plan d’ensemble.',
            'Un relevé annuel (énergie, déchets, kilomètres) alimente un plan de sobriété avec objectifs et responsables : tournées optimisées, tri généralisé, critères pour le parc.',
            'Les résultats sont mesurés et communiqués, les salariés en parcours sont associés aux actions, et des solutions sont construites avec d’autres acteurs (réemploi, mutualisation).',
          ],
          evidence: [
            'Relevés de consommation d’énergie et de carburant sur trois ans',
            'Tableau du parc de véhicules (âge, motorisation, kilométrage)',
            'Contrats et bordereaux de collecte des déchets',
            'Plan de sobriété ou d’actions environnementales',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['4.1', '6.1', '7.1.3'],
          iso26000: ['environnement'],
          services: ['CAP-RSE', 'CREDIT-COOPERATIF', 'ATELIERS-FILIERES'],
          recommendation: {
            title: 'Relever les consommations et les déchets et fixer des objectifs de réduction',
            text:
              'Relever sur trois ans les consommations d’énergie et de carburant et les volumes de déchets, puis fixer quelques objectifs simples (chauffage, tri, tournées, renouvellement du parc). L’accompagnement CAP RSE de Coorace aide à inscrire ces actions dans une démarche structurée, et le Crédit Coopératif peut financer les investissements.',
          },
        },
        {
          code: 'FS-7.2',
          text: 'Les achats sont-ils encadrés par des règles écrites intégrant des critères sociaux, environnementaux et locaux, et les fournisseurs clés sont-ils évalués ?',
          help: 'Des règles d’achat claires (seuils de mise en concurrence, validation, délais de paiement) préviennent les conflits d’intérêts et garantissent la qualité. Acheter auprès de structures de l’ESS et de l’IAE, de producteurs locaux ou de produits durables prolonge le projet social, et évaluer les fournisseurs clés sécurise l’activité.',
          levels: [
            'Aucune règle d’achat : chacun commande selon ses besoins, sans comparaison ni validation.',
            'Quelques achats importants font l’objet de devis comparés, sans critère social ni environnemental.',
            'Des règles de validation existent et certains achats sont faits auprès de l’ESS, sans politique écrite ni suivi des fournisseurs.',
            'Une procédure d’achats écrite fixe seuils, validations et critères sociaux, environnementaux et locaux ; les fournisseurs clés sont évalués chaque année.',
            'La part d’achats responsables est mesurée et progresse, et des achats sont mutualisés avec d’autres structures du territoire ou du réseau.',
          ],
          evidence: [
            'Procédure ou charte d’achats',
            'Liste des fournisseurs clés et leur évaluation',
            'Part des achats réalisés auprès de l’ESS et de l’IAE',
            'Délais moyens de paiement des fournisseurs',
          ],
          weight: 2,
          legal: false,
          naAllowed: false,
          appliesTo: ALL_TYPES,
          iso9001: ['8.4', '7.1'],
          iso26000: ['loyaute-pratiques', 'environnement', 'communautes-developpement-local'],
          services: ['CAP-RSE', 'PTCE', 'ROUAGES-COOPERATION'],
          recommendation: {
            title: 'Écrire une procédure d’achats responsables et évaluer les fournisseurs clés',
            text:
              'Écrire une procédure d’achats simple (seuils, validations, critères responsables) et dresser la liste des fournisseurs clés à évaluer chaque année. Les PTCE et l’outil « Les rouages de la coopération » aident à repérer des fournisseurs du territoire et à mutualiser des achats.',
          },
        },
      ],
    },
  ],
};
