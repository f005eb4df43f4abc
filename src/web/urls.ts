// Every address CAP builds, in one place: routes redirect to them, views link to them. Pure.
import { domId } from '../questionnaire/progress.ts';

export const organisationUrl = (orgId: string) => `/organisations/${orgId}`;
export const diagnosticUrl = (diagnosticId: string) => `/diagnostics/${diagnosticId}`;
export const themeUrl = (diagnosticId: string, slug: string) => `/diagnostics/${diagnosticId}/themes/${slug}`;
/** The anchor of a question on its theme page, without the `#`. */
export const questionAnchor = (code: string) => `q-${domId(code)}`;
export const questionUrl = (diagnosticId: string, slug: string, code: string) => `${themeUrl(diagnosticId, slug)}#${questionAnchor(code)}`;
export const answerUrl = (diagnosticId: string, code: string) => `/diagnostics/${diagnosticId}/answers/${encodeURIComponent(code)}`;
export const resultsUrl = (diagnosticId: string) => `/diagnostics/${diagnosticId}/results`;
export const planUrl = (diagnosticId: string) => `/diagnostics/${diagnosticId}/plan`;
export const actionUrl = (diagnosticId: string, actionId: string) => `/diagnostics/${diagnosticId}/actions/${actionId}`;
export const historyUrl = (diagnosticId: string) => `/diagnostics/${diagnosticId}/history`;
export const evidenceUploadUrl = (diagnosticId: string, code: string) => `/diagnostics/${diagnosticId}/evidence/${encodeURIComponent(code)}`;
export const evidenceFileUrl = (diagnosticId: string, evidenceId: string) => `/diagnostics/${diagnosticId}/evidence/fichier/${encodeURIComponent(evidenceId)}`;
export const evidenceRemoveUrl = (diagnosticId: string, evidenceId: string) => `${evidenceFileUrl(diagnosticId, evidenceId)}/retirer`;
export const iso9001Url = (diagnosticId: string) => `/diagnostics/${diagnosticId}/iso9001`;
export const iso9001XlsxUrl = (diagnosticId: string) => `/diagnostics/${diagnosticId}/iso9001.xlsx`;
export const planPdfUrl = (diagnosticId: string, opts: { iso9001Annex?: boolean } = {}) => `/diagnostics/${diagnosticId}/plan.pdf${opts.iso9001Annex ? '?annexe=iso9001' : ''}`;
export const workshopUrl = '/questionnaire-vierge';
export const workshopPdfUrl = '/questionnaire-vierge.pdf';
