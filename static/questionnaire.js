// Questionnaire autosave on top of htmx: refused saves (404, 409, 422) are swapped in beside their
// question by the layout's responseHandling; this file says so when the connection is lost or the
// server fails. Every page works without this file.
(function () {
  'use strict';
  function question(evt) {
    var elt = evt.detail && evt.detail.elt;
    return elt && elt.closest ? elt.closest('[data-autosave]') : null;
  }
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
