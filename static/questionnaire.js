// Questionnaire autosave on top of htmx: refused saves (404, 409, 422) are swapped in beside their
// question by the layout's responseHandling; this file says so when the connection is lost or the
// server fails, and warns before leaving the page while an answer is typed but not yet saved or
// its save is still on its way. Every page works without this file.
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
    if (window.capAnnounce) window.capAnnounce(p.textContent);
  }
  document.addEventListener('htmx:sendError', failed);
  document.addEventListener('htmx:responseError', failed);

  // What is not saved yet: per question, a count of edits, and the count its last save carried.
  // A question is settled when a save that carried its latest edit came back (saved, or refused
  // with the server's explanation on the page: then nothing is in flight any more).
  var edits = new WeakMap();
  var sent = new WeakMap();
  var unsettled = new Set();
  var inFlight = 0;
  var leavingByForm = false;
  function touched(evt) {
    var q = evt.target && evt.target.closest ? evt.target.closest('[data-autosave]') : null;
    if (!q) return;
    edits.set(q, (edits.get(q) || 0) + 1);
    unsettled.add(q);
  }
  document.addEventListener('input', touched, true);
  document.addEventListener('change', touched, true);
  document.addEventListener('htmx:beforeRequest', function (evt) {
    var q = question(evt);
    if (!q) return;
    inFlight++;
    sent.set(q, edits.get(q) || 0);
  });
  document.addEventListener('htmx:afterRequest', function (evt) {
    var q = question(evt);
    if (!q) return;
    inFlight = Math.max(0, inFlight - 1);
    var xhr = evt.detail && evt.detail.xhr;
    var answered = xhr && xhr.status > 0 && xhr.status < 500;
    if (answered && sent.get(q) === (edits.get(q) || 0)) unsettled.delete(q);
  });
  // The theme form's own buttons post what is typed: leaving by them loses nothing.
  document.addEventListener('submit', function (evt) {
    leavingByForm = true;
    // A submit held back (a confirmation dialog opened instead) leaves nothing.
    setTimeout(function () {
      if (evt.defaultPrevented) leavingByForm = false;
    }, 0);
  });
  window.addEventListener('beforeunload', function (evt) {
    if (leavingByForm) return;
    var pending = inFlight > 0;
    unsettled.forEach(function (q) {
      if (q.isConnected) pending = true;
      else unsettled.delete(q);
    });
    if (!pending) return;
    // Browsers show their own wording; the text is for the few that still read it.
    var form = document.querySelector('[data-leave-warning]');
    evt.preventDefault();
    evt.returnValue = (form && form.getAttribute('data-leave-warning')) || '';
    return evt.returnValue;
  });
})();
