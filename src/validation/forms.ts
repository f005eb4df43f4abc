// Reading forms: bodies are parsed once as URL-encoded text (faster than formData) and checked with
// zod; errors come back as French messages keyed by field name.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { t } from '../i18n/index.ts';
import { cleanText } from './limits.ts';

export type FormData = URLSearchParams;

/**
 * The submitted form, every value cleaned as CAP stores text (control characters out, LF, NFC:
 * cleanText). The body was checked by src/web/body.ts (a form, UTF-8, not too many fields).
 */
export async function readForm(c: Context): Promise<URLSearchParams> {
  const type = c.req.header('Content-Type') ?? '';
  const p = new URLSearchParams();
  if (type.startsWith('multipart/form-data')) {
    const fd = await c.req.formData().catch(() => {
      throw new HTTPException(400, { message: t.common.badRequest });
    });
    for (const [k, v] of fd.entries()) if (typeof v === 'string') p.append(k, cleanText(v));
    return p;
  }
  for (const [k, v] of new URLSearchParams(await c.req.text())) p.append(k, cleanText(v));
  return p;
}

/** A zod object from a URLSearchParams: single values as strings, `many` keys as arrays. */
export function formObject(form: URLSearchParams, many: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) out[key] = many.includes(key) ? form.getAll(key) : form.get(key);
  for (const key of many) if (!(key in out)) out[key] = [];
  return out;
}

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

// Runs of C0/C1 control characters (line breaks and tabs included) and the Unicode line and
// paragraph separators, with the spaces around them.
// eslint-disable-next-line no-control-regex
const ONE_LINE_BREAKS = / *[\u0000-\u001f\u007f-\u009f\u2028\u2029]+ */g;

export const fields = {
  requiredText: (max: number) =>
    z.string({ error: t.common.validation.required }).trim().min(1, t.common.validation.required).max(max, t.common.validation.tooLong(max)),
  /**
   * A name (a person's, a structure's): one line. Line breaks, tabs and control characters become
   * one space, so a name cannot add paragraphs of its own where CAP prints it — in the e-mails it
   * sends to any address (an invitation's greeting), in lists, in the PDF.
   */
  oneLine: (max: number) =>
    z
      .string({ error: t.common.validation.required })
      .transform((v) => v.replace(ONE_LINE_BREAKS, ' ').trim())
      .pipe(z.string().min(1, t.common.validation.required).max(max, t.common.validation.tooLong(max))),
  optionalText: (max: number) => z.string().trim().max(max, t.common.validation.tooLong(max)).optional().default(''),
  email: z
    .string({ error: t.common.validation.required })
    .trim()
    .toLowerCase()
    .pipe(z.email(t.common.validation.email).max(254, t.common.validation.tooLong(254))),
  checkbox: z.string().optional().transform((v) => v === '1' || v === 'on' || v === 'true'),
  nonNegative: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return 0;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || n < 0 || n > 100000) {
        ctx.addIssue({ code: 'custom', message: t.common.validation.number });
        return z.NEVER;
      }
      return n;
    }),
};
