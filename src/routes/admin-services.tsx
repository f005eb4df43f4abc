// Admin pages for the services catalogue. A service is never deleted: plans and referential
// versions cite its code. Deactivating it keeps it on existing plans and stops proposing it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { t } from '../i18n/index.ts';
import { page } from '../web/render.tsx';
import { redirectWith } from '../web/flash.ts';
import { currentUser, notFound, requireAdmin } from '../web/guards.ts';
import { fieldErrors, fields, formObject, readForm } from '../validation/forms.ts';
import { SERVICE_KINDS, STRUCTURE_TYPES } from '../referential/schema.ts';
import { defaultReferentialId, getReferential, getService, insertService, listServices, setServiceActive, updateService } from '../referential/store.ts';
import { indexOf } from '../referential/lookup.ts';
import { ServiceForm, ServiceList } from '../../views/admin-services.tsx';
import { LIMITS, MAX_LENGTH } from '../validation/limits.ts';

export const adminServiceRoutes = new Hono<AppEnv>();
adminServiceRoutes.use(requireAdmin);

const s = t.referentials.catalogue;

const optional = (max: number, pattern: RegExp, message: string) =>
  fields.optionalText(max).refine((v) => v === '' || pattern.test(v), message);

const serviceFields = z.object({
  name: fields.requiredText(MAX_LENGTH.serviceName),
  kind: z.enum(SERVICE_KINDS, { error: t.common.validation.choice }),
  description: fields.requiredText(MAX_LENGTH.serviceDescription),
  contact: fields.requiredText(MAX_LENGTH.serviceContact),
  contactName: fields.optionalText(MAX_LENGTH.serviceContactName),
  email: optional(MAX_LENGTH.email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, s.emailInvalid).transform((v) => v.toLowerCase()),
  phone: optional(MAX_LENGTH.servicePhone, /^\+?[0-9][0-9 .-]{5,28}$/, s.phoneInvalid),
  url: optional(MAX_LENGTH.serviceUrl, /^https?:\/\/[^\s]+\.[^\s]+$/, s.urlInvalid),
  structureTypes: z
    .array(z.enum(STRUCTURE_TYPES, { error: t.common.validation.choice }))
    .max(STRUCTURE_TYPES.length)
    .transform((types) => [...new Set(types)]),
});
/** Checkboxes: a field that may come several times. */
const MANY = ['structureTypes'];
const newServiceForm = serviceFields.extend({
  code: z
    .string({ error: t.common.validation.required })
    .trim()
    .toUpperCase()
    .min(1, t.common.validation.required)
    .regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/, s.codeInvalid),
});

adminServiceRoutes.get('/', (c) => {
  const { db } = c.get('deps');
  // How many questions of the default version cite each service: tells an admin what a change touches.
  const usage = new Map<string, number>();
  const defId = defaultReferentialId(db);
  const ref = defId ? getReferential(db, defId) : undefined;
  for (const { question } of ref ? indexOf(ref).entries : []) for (const code of question.services) usage.set(code, (usage.get(code) ?? 0) + 1);
  // Sorted as a French reader expects: accents and « quotes » do not push a name to the end.
  const collator = new Intl.Collator('fr', { sensitivity: 'base', ignorePunctuation: true });
  const list = listServices(db).sort((a, b) => collator.compare(s.kinds[a.kind] ?? a.kind, s.kinds[b.kind] ?? b.kind) || collator.compare(a.name, b.name));
  return page(c, s.listTitle, <ServiceList services={list} usage={usage} />, { wide: true });
});

adminServiceRoutes.get('/new', (c) => page(c, s.createTitle, <ServiceForm csrf={c.get('csrf')} action="/admin/services" title={s.createTitle} values={{}} errors={{}} isNew />));

adminServiceRoutes.post('/', async (c) => {
  const { db, clock } = c.get('deps');
  const values = formObject(await readForm(c), MANY);
  const parsed = newServiceForm.safeParse(values);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (parsed.success && getService(db, parsed.data.code)) errors.code = s.codeTaken;
  // Admins only, one at a time: counting here is enough to keep the catalogue (and every PDF's list) bounded.
  if (listServices(db).length >= LIMITS.services) errors.code = s.catalogueFull(LIMITS.services);
  if (!parsed.success || Object.keys(errors).length) {
    return page(c, s.createTitle, <ServiceForm csrf={c.get('csrf')} action="/admin/services" title={s.createTitle} values={values} errors={errors} isNew />, { status: 422 });
  }
  insertService(db, parsed.data, currentUser(c).id, clock());
  return redirectWith(c, '/admin/services', { kind: 'success', message: s.created(parsed.data.name) });
});

adminServiceRoutes.get('/:code/edit', (c) => {
  const sv = getService(c.get('deps').db, c.req.param('code')) ?? notFound();
  const title = s.editTitle(sv.name);
  return page(
    c,
    title,
    <ServiceForm
      csrf={c.get('csrf')}
      action={`/admin/services/${encodeURIComponent(sv.code)}`}
      title={title}
      values={sv}
      errors={{}}
      isNew={false}
      activeToggle={{ active: sv.active, action: `/admin/services/${encodeURIComponent(sv.code)}/active` }}
    />,
  );
});

adminServiceRoutes.post('/:code', async (c) => {
  const { db, clock } = c.get('deps');
  const sv = getService(c.get('deps').db, c.req.param('code')) ?? notFound();
  const values = formObject(await readForm(c), MANY);
  const parsed = serviceFields.safeParse(values);
  if (!parsed.success) {
    const title = s.editTitle(sv.name);
    return page(
      c,
      title,
      <ServiceForm
        csrf={c.get('csrf')}
        action={`/admin/services/${encodeURIComponent(sv.code)}`}
        title={title}
        values={{ ...values, code: sv.code }}
        errors={fieldErrors(parsed.error)}
        isNew={false}
      />,
      { status: 422 },
    );
  }
  updateService(db, sv.code, parsed.data, currentUser(c).id, clock());
  return redirectWith(c, '/admin/services', { kind: 'success', message: s.updated(parsed.data.name) });
});

adminServiceRoutes.post('/:code/active', async (c) => {
  const { db, clock } = c.get('deps');
  const sv = getService(c.get('deps').db, c.req.param('code')) ?? notFound();
  const active = (await readForm(c)).get('active') === '1';
  setServiceActive(db, sv.code, active, currentUser(c).id, clock());
  return redirectWith(c, `/admin/services/${encodeURIComponent(sv.code)}/edit`, { kind: 'success', message: active ? s.reactivated(sv.name) : s.deactivated(sv.name) });
});
