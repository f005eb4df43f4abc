// Progress plan on top of htmx. htmx drops 4xx responses by default; a refused edit (422, with
// its French messages beside the fields) must replace the action it came from. Any other failure
// falls back to the plain form post, which shows the server's page. Every page works without this.
(function () {
  'use strict';
  // beforeSwap fires on the swap target (the action), responseError on the form: look at the
  // element that made the request either way.
  function planForm(evt) {
    var d = evt.detail || {};
    var elt = (d.requestConfig && d.requestConfig.elt) || d.elt;
    return elt && elt.closest ? elt.closest('.plan-action form') : null;
  }
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (!planForm(evt)) return;
    if (evt.detail.xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function (evt) {
    var form = planForm(evt);
    if (form && evt.detail.xhr.status !== 422) form.submit();
  });
})();
