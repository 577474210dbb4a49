// Progressive enhancement only: the site works without this file.
(function () {
  "use strict";
  // Move focus to a form's error summary so screen reader users hear the problems first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
