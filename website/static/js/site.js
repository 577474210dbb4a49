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
  // A double click (a tremor, an impatient tap on a slow phone) sends a form once: a second
  // submit while the first is on its way is ignored. After 15 seconds, or on coming back to
  // the page, it can be sent again in case the first never arrived.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-sending")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sending", "");
    window.setTimeout(function () {
      form.removeAttribute("data-sending");
    }, 15000);
  });
  window.addEventListener("pageshow", function () {
    var sending = document.querySelectorAll("form[data-sending]");
    for (var i = 0; i < sending.length; i += 1) {
      sending[i].removeAttribute("data-sending");
    }
  });
})();
