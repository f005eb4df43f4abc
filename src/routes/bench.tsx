// The benchmark's baseline (bench/run.ts): a POST that goes through exactly the middleware of the
// answer autosave (secure headers, session, body limit, CSRF, signed-in guard), reads its form like
// any handler, and answers a constant fragment. Comparing the autosave with it isolates what saving
// an answer costs beyond the framework. Mounted only when createApp gets `benchBaseline: true`
// (the server sets it from CAP_BENCH=1); never on in an ordinary deployment.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireUser } from '../web/guards.ts';
import { readForm } from '../validation/forms.ts';
import { fragment } from '../web/render.tsx';

export const benchRoutes = new Hono<AppEnv>();

benchRoutes.post('/baseline', requireUser, async (c) => {
  await readForm(c);
  return fragment(
    c,
    <p class="save-status" role="status">
      Enregistré
    </p>,
  );
});
