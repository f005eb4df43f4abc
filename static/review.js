// Federation remarks on top of htmx. htmx drops 4xx responses by default; a refused remark (422,
// with its French message beside the text) must replace the block it came from. Any other failure
// (expired session, 404) falls back to the plain form post, which shows the server's page.
// Every page works without this file.
(function () {
  'use strict';
  if (window.capReviewLoaded) return;
  window.capReviewLoaded = true;
  function reviewForm(evt) {
    var d = evt.detail || {};
    var elt = (d.requestConfig && d.requestConfig.elt) || d.elt;
    if (!elt || !elt.closest) return null;
    return elt.closest('form.review-form, .detached-forms form');
  }
  document.addEventListener('htmx:beforeSwap', function (evt) {
    if (!reviewForm(evt)) return;
    if (evt.detail.xhr.status === 422) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function (evt) {
    var form = reviewForm(evt);
    if (form && evt.detail.xhr.status !== 422) form.submit();
  });
})();
