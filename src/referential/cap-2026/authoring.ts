// Shared pieces for writing CAP 2026: structure types by family and the legal references, written
// once with the date they were last checked against the official source.
import type { z } from 'zod';
import { STRUCTURE_TYPES, type LegalRef, type StructureType, type themeSchema } from '../schema.ts';

/** A theme as its authors write it (before zod defaults are applied). */
export type ThemeInput = z.input<typeof themeSchema>;

/** Every member: SIAE, GEIQ, EBE and other members of the network. */
export const ALL: StructureType[] = [...STRUCTURE_TYPES];

/** The SIAE conventionnées (the five families of the insertion par l’activité économique). */
export const SIAE: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'EITI'];

/**
 * Structures whose people in pathways are their employees: the SIAE but the EITI (whose people
 * are self-employed) and the GEIQ (contrats de professionnalisation or apprentissage).
 */
export const SALARIED_PATHWAY: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'GEIQ'];

/** Every structure that accompanies people in a pathway, self-employed ones included. */
export const PATHWAY: StructureType[] = ['AI', 'ACI', 'EI', 'ETTI', 'EITI', 'GEIQ'];

/** The SIAE that may hire on a CDDI (contrat à durée déterminée d’insertion). */
export const CDDI: StructureType[] = ['AI', 'ACI', 'EI'];

/** Employers of the network, whatever their people’s contracts (the EITI has permanent staff too). */
export const EMPLOYERS: StructureType[] = ALL;

/** The day the references below were last read against Légifrance, EUR-Lex or service-public.fr. */
export const VERIFIED = '2026-12-01';

function ref(text: string, article: string, url?: string): LegalRef {
  return url ? { text, article, verified: VERIFIED, url } : { text, article, verified: VERIFIED };
}

/** Code du travail. */
export const CT = (article: string): LegalRef => ref('Code du travail', `art. ${article}`);
/** Code de la sécurité sociale. */
export const CSS = (article: string): LegalRef => ref('Code de la sécurité sociale', `art. ${article}`);
/** Code de commerce. */
export const CCOM = (article: string): LegalRef => ref('Code de commerce', `art. ${article}`);
/** Code de la consommation. */
export const CCONSO = (article: string): LegalRef => ref('Code de la consommation', `art. ${article}`);
/** Code de l’environnement. */
export const CENV = (article: string): LegalRef => ref('Code de l’environnement', `art. ${article}`);
/** Code rural et de la pêche maritime. */
export const CRURAL = (article: string): LegalRef => ref('Code rural et de la pêche maritime', `art. ${article}`);
/** Règlement (UE) 2016/679, the RGPD. */
export const RGPD = (article: string): LegalRef => ref('Règlement (UE) 2016/679 (RGPD)', `art. ${article}`, 'https://eur-lex.europa.eu/eli/reg/2016/679/oj');

export const LOI_ENTRETIEN_2025 = ref('Loi n° 2025-989 du 24 octobre 2025 (transposition des accords nationaux interprofessionnels sur l’emploi des salariés expérimentés et le dialogue social)', 'art. 3 (entretien de parcours professionnel, mise en conformité des accords au 1er octobre 2026)');
export const LOI_VOLONTARIAT_2006 = ref('Loi n° 2006-586 du 23 mai 2006 relative au volontariat associatif et à l’engagement éducatif', 'art. 20 (publication des rémunérations des trois plus hauts cadres dirigeants)');
export const LOI_IAE_2020 = ref('Loi n° 2020-1577 du 14 décembre 2020 relative au renforcement de l’inclusion dans l’emploi par l’activité économique et à l’expérimentation « territoire zéro chômeur de longue durée »', 'art. 9 (entreprises à but d’emploi, activités non concurrentes)');
export const DECRET_IAE_2021 = ref('Décret n° 2021-1128 du 30 août 2021 relatif à l’insertion par l’activité économique', 'ensemble du texte (éligibilité, PASS IAE, contrôle a posteriori)');
export const DECRET_AI_2021 = ref('Décret n° 2021-1129 du 30 août 2021', 'art. 1er (dérogation au plafond de mise à disposition des associations intermédiaires)');
export const ARRETE_LIEUX_2021 = ref('Arrêté du 15 janvier 2021 relatif aux mesures de protection des personnes lors de l’utilisation de produits phytopharmaceutiques dans les lieux fréquentés par le public', 'ensemble du texte (interdiction au 1er juillet 2022)');
export const SP_CDDI = ref('Service-public.fr, fiche « Contrat à durée déterminée d’insertion (CDDI) »', 'F14100 (durée minimale de 20 heures par semaine)', 'https://www.service-public.fr/particuliers/vosdroits/F14100');
export const CIRCULAIRE_ACI_2005 = ref('Circulaire DGEFP n° 2005-41 du 28 novembre 2005 relative aux ateliers et chantiers d’insertion', 'part des recettes commerciales appréciée pour chaque atelier ou chantier');
export const INSTRUCTION_ETTI_2021 = ref('Instruction DGEFP du 19 octobre 2021', 'mise en œuvre de la triple exclusivité des ETTI (activité, public, moyens)');
