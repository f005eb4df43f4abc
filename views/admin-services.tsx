// Admin pages for the federation's services catalogue: list, create, edit, deactivate.
import { t } from '../src/i18n/index.ts';
import type { ServiceRow } from '../src/referential/store.ts';
import { SERVICE_KINDS } from '../src/referential/schema.ts';
import { STRUCTURE_TYPES } from '../src/referential/schema.ts';
import { ActiveToggle, CheckboxGroup, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField, type FieldErrors } from './forms.tsx';
import { TableRegion } from './table.tsx';
import { MAX_LENGTH } from '../src/validation/limits.ts';

const s = t.referentials.catalogue;

export function ServiceList({ services, usage }: { services: ServiceRow[]; usage: Map<string, number> }) {
  return (
    <section>
      <h1>{s.listTitle}</h1>
      <p class="lead">{s.listIntro}</p>
      <p>
        <a class="button" href="/admin/services/new">
          {s.newButton}
        </a>
      </p>
      {services.length === 0 ? (
        <p>{s.empty}</p>
      ) : (
        <TableRegion label={s.listTitle}>
          <table class="stack">
            <caption class="visually-hidden">{s.listTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.code}</th>
                <th scope="col">{s.kind}</th>
                <th scope="col">{s.contact}</th>
                <th scope="col">{s.structureTypes}</th>
                <th scope="col" class="num">
                  {s.usedBy}
                </th>
                <th scope="col">{s.status}</th>
              </tr>
            </thead>
            <tbody>
              {services.map((sv) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/services/${encodeURIComponent(sv.code)}/edit`}>{sv.name}</a>
                  </th>
                  <td data-label={s.code}>
                    <code>{sv.code}</code>
                  </td>
                  <td data-label={s.kind}>{s.kinds[sv.kind] ?? sv.kind}</td>
                  <td data-label={s.contact}>
                    {sv.contact}
                    {(sv.contactName || sv.email || sv.phone || sv.url) && (
                      <>
                        <br />
                        <span class="muted">{[sv.contactName, sv.email, sv.phone, sv.url].filter(Boolean).join(' · ')}</span>
                      </>
                    )}
                  </td>
                  <td data-label={s.structureTypes}>{sv.structureTypes.length ? sv.structureTypes.join(', ') : <span class="muted">{s.allTypes}</span>}</td>
                  <td class="num" data-label={s.usedBy}>
                    {usage.get(sv.code) ?? 0}
                  </td>
                  <td data-label={s.status}>{sv.active ? s.active : <span class="badge badge--muted">{s.inactive}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export function ServiceForm(p: {
  csrf: string;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  isNew: boolean;
  activeToggle?: { active: boolean; action: string };
}) {
  const v = (k: string) => (typeof p.values[k] === 'string' ? (p.values[k] as string) : '');
  return (
    <section class="narrow">
      <p class="breadcrumb">
        <a href="/admin/services">{s.listTitle}</a>
      </p>
      <h1>{p.title}</h1>
      <ErrorSummary errors={p.errors} labels={{ code: s.code, name: s.name, kind: s.kind, description: s.description, contact: s.contact }} />
      <form method="post" action={p.action} class="form" novalidate>
        <CsrfField token={p.csrf} />
        {p.isNew ? (
          <TextField name="code" label={s.code} value={v('code')} error={p.errors.code} hint={s.codeHint} required maxlength={41} autocomplete="off" />
        ) : (
          <p>
            <strong>{s.code} : </strong>
            <code>{v('code')}</code>
          </p>
        )}
        <TextField name="name" label={s.name} value={v('name')} error={p.errors.name} required maxlength={MAX_LENGTH.serviceName} />
        <SelectField name="kind" label={s.kind} value={v('kind')} error={p.errors.kind} required options={SERVICE_KINDS.map((k) => [k, s.kinds[k] ?? k] as const)} />
        <TextArea name="description" label={s.description} value={v('description')} error={p.errors.description} rows={5} maxlength={MAX_LENGTH.serviceDescription} required />
        <TextField name="contact" label={s.contact} value={v('contact')} error={p.errors.contact} hint={s.contactHint} required maxlength={MAX_LENGTH.serviceContact} />
        <fieldset class="field">
          <legend>{s.reach}</legend>
          <TextField name="contactName" label={s.contactName} value={v('contactName')} error={p.errors.contactName} hint={s.contactNameHint} maxlength={120} autocomplete="off" />
          <TextField name="email" type="email" label={s.email} value={v('email')} error={p.errors.email} hint={s.emailHint} maxlength={254} autocomplete="off" />
          <TextField name="phone" type="tel" label={s.phone} value={v('phone')} error={p.errors.phone} hint={s.phoneHint} maxlength={30} autocomplete="off" />
          <TextField name="url" type="url" label={s.url} value={v('url')} error={p.errors.url} hint={s.urlHint} maxlength={300} autocomplete="off" />
        </fieldset>
        <CheckboxGroup
          name="structureTypes"
          legend={s.structureTypes}
          hint={s.structureTypesHint}
          options={STRUCTURE_TYPES.map((ty) => [ty, t.common.structureTypes[ty] ?? ty] as const)}
          values={Array.isArray(p.values.structureTypes) ? (p.values.structureTypes as string[]) : []}
          error={p.errors.structureTypes}
        />
        <SubmitButton>{t.common.save}</SubmitButton>
      </form>
      {p.activeToggle && <ActiveToggle csrf={p.csrf} {...p.activeToggle} deactivate={s.deactivate} reactivate={s.reactivate} hint={s.deactivateHint} />}
    </section>
  );
}
