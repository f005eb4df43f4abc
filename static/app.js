// Small enhancements on top of htmx. Every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  document.addEventListener('DOMContentLoaded', function () {
    // Bring the error summary into focus so screen-reader users hear it first.
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();
  });
})();
