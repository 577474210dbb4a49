// Progressive enhancement only: the site works without this file.
(function () {
  "use strict";
  // Move focus to a form's error summary so screen reader users hear the problems first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
  // The header menu is a <details> "Menu" button on small screens; keep it open on wide ones.
  var menu = document.querySelector("[data-site-menu]");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 48rem)");
    var sync = function () {
      menu.open = wide.matches;
    };
    sync();
    wide.addEventListener("change", sync);
  }
})();
