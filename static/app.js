// Small enhancements on top of htmx. Every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    // Bring the error summary into focus so screen-reader users hear it first.
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
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
})();
// « Imprimer » buttons (marked data-print, shown only with JavaScript): the browser's own print.
document.addEventListener('click', function (evt) {
  var target = evt.target;
  if (target && target.closest && target.closest('[data-print]')) window.print();
});
