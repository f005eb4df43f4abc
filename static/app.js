// Small enhancements on top of htmx. Every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    // Bring the error summary into focus so screen-reader users hear it first; else a panel the
    // page marks (the undo offered after confirming carried-over answers).
    var target = document.querySelector('.error-summary') || document.querySelector('[data-autofocus]');
    if (target) target.focus();
    // The header's menu is laid out as a bar by CSS on a wide screen; a browser that cannot style
    // the inside of <details> (no ::details-content) gets it opened instead.
    var menu = document.querySelector('.site-menu');
    if (menu && !(window.CSS && CSS.supports && CSS.supports('selector(::details-content)')) && window.matchMedia('(min-width: 48rem)').matches) menu.open = true;
    // A user form shows the structures for a member and the regions for a consultant: the other
    // part is hidden (without scripts both show, each saying whom it is for).
    var role = document.querySelector('.user-form select[name="role"]');
    if (role) {
      var showScope = function () {
        document.querySelectorAll('.user-form [data-role-scope]').forEach(function (el) {
          el.hidden = el.getAttribute('data-role-scope') !== role.value;
        });
      };
      role.addEventListener('change', showScope);
      showScope();
    }
  });
  // Enter in the organisation picker's search field searches at once (the suggestions come as one
  // types) instead of submitting the whole form.
  document.addEventListener('keydown', function (evt) {
    var field = evt.target;
    if (evt.key !== 'Enter' || !field.matches || !field.matches('.picker input[type="search"]') || !window.htmx) return;
    evt.preventDefault();
    window.htmx.trigger(field, 'search');
  });

  // Refused answers (404, 409, 422) are swapped in by htmx (see responseHandling in the layout).
  // Any other failure — an expired session, a server error — on a form marked data-fallback-submit
  // falls back to the plain post, so the person sees the server's own page instead of nothing.
  document.addEventListener('htmx:responseError', function (evt) {
    var d = evt.detail || {};
    var elt = (d.requestConfig && d.requestConfig.elt) || d.elt;
    var form = elt && elt.closest ? elt.closest('form[data-fallback-submit]') : null;
    if (form) form.submit();
  });

  // ---- Focus after an htmx swap --------------------------------------------------------------
  // The control the person used (a radio, a button) may be replaced by the swap; focus would then
  // fall back to <body> and a keyboard user would start over from the top. It is put back on the
  // same control in the new content (same id, or same name and value), or else on the first
  // control of the question or form it belonged to.
  var used = null;
  function describe(el) {
    if (!el || el === document.body) return null;
    // The question it belongs to first (its status area, also with an id, is replaced with it).
    var root = el.closest('.question') || el.closest('form') || el.closest('[id]');
    return { el: el, id: el.id, name: el.getAttribute('name'), value: el.getAttribute('value'), root: root };
  }
  function sameControl(d) {
    if (d.el.isConnected) return d.el;
    if (d.id) {
      var byId = document.getElementById(d.id);
      if (byId) return byId;
    }
    if (d.name) {
      var candidates = document.getElementsByName(d.name);
      for (var i = 0; i < candidates.length; i++) if (candidates[i].getAttribute('value') === d.value) return candidates[i];
    }
    return null;
  }
  function fallback(d, swapped) {
    var root = d.root && d.root.id ? document.getElementById(d.root.id) : null;
    root = root || swapped;
    if (!root || !root.querySelector) return null;
    // The chosen level first (querySelector takes the first in page order, whatever the selector).
    return root.querySelector('input:checked') || root.querySelector('input:not([type=hidden]), select, textarea, button, a[href]') || root;
  }
  document.addEventListener('htmx:beforeRequest', function () {
    used = describe(document.activeElement);
  });
  document.addEventListener('htmx:afterSettle', function (evt) {
    var d = used;
    if (!d) return;
    var active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    var target = sameControl(d) || fallback(d, evt.detail && evt.detail.elt);
    if (!target) return;
    if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
  });

  // ---- The polite live region (views/live.tsx) -----------------------------------------------
  // The server fills it out of band after each save. The same words twice in a row (a second save
  // of the same question) are not always spoken again: a no-break space is toggled at their end.
  document.addEventListener('htmx:oobBeforeSwap', function (evt) {
    var d = evt.detail || {};
    if (!d.target || d.target.id !== 'live-region' || !d.fragment) return;
    if (d.fragment.textContent.trim() === d.target.textContent.trim()) d.fragment.appendChild(document.createTextNode(d.target.textContent.slice(-1) === '\u00a0' ? '' : '\u00a0'));
  });
  /** For scripts of the page (questionnaire.js): say something in the live region. */
  window.capAnnounce = function (message) {
    var region = document.getElementById('live-region');
    if (!region) return;
    region.textContent = region.textContent === message ? message + '\u00a0' : message;
  };

  // ---- Confirmations (views/confirm.tsx) -----------------------------------------------------
  // A form marked data-confirm-dialog="id" opens that <dialog> instead of posting; the dialog's
  // own form posts with confirm=1. Without <dialog> support the post goes through, and the server
  // answers with the same question as a page.
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!form || !form.getAttribute) return;
    var id = form.getAttribute('data-confirm-dialog');
    var dialog = id ? document.getElementById(id) : null;
    if (!dialog || typeof dialog.showModal !== 'function') return;
    evt.preventDefault();
    var trigger = evt.submitter || form.querySelector('button[type=submit]');
    dialog.addEventListener(
      'close',
      function () {
        if (trigger && trigger.isConnected) trigger.focus();
      },
      { once: true },
    );
    dialog.showModal();
  });
  document.addEventListener('click', function (evt) {
    var button = evt.target && evt.target.closest ? evt.target.closest('[data-close-dialog]') : null;
    var dialog = button ? button.closest('dialog') : null;
    if (dialog) dialog.close();
  });
})();
// « Imprimer » buttons (marked data-print, shown only with JavaScript): the browser's own print.
document.addEventListener('click', function (evt) {
  var target = evt.target;
  if (target && target.closest && target.closest('[data-print]')) window.print();
});
