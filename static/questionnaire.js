// Questionnaire autosave on top of htmx. htmx drops 4xx responses by default; a refused save
// (409 conflict or read-only, 422 invalid, 404) must land beside its question instead, and a lost
// connection must say so. Every page works without this file.
(function () {
  'use strict';
  function question(evt) {
    var elt = evt.detail && evt.detail.elt;
    return elt && elt.closest ? elt.closest('[data-autosave]') : null;
  }
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (!question(evt)) return;
    var status = evt.detail.xhr.status;
    if (status === 404 || status === 409 || status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
  function failed(evt) {
    var q = question(evt);
    if (!q) return;
    var area = q.querySelector('.question__status');
    if (!area) return;
    var p = area.querySelector('.save-status--offline');
    if (!p) {
      p = document.createElement('p');
      p.className = 'save-status save-status--error save-status--offline';
      area.appendChild(p);
    }
    p.textContent = q.getAttribute('data-offline') || '';
  }
  document.addEventListener('htmx:sendError', failed);
  document.addEventListener('htmx:responseError', failed);
})();
