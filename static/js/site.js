// Behaviours shared by every page, kept out of the HTML so that the Content-Security-Policy
// allows no inline script (docs/security.md). A [data-print] button prints the page; a
// [data-autosubmit] choice sends its form as soon as it changes (without script, its button does).
(function () {
  "use strict";
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
  document.addEventListener("change", (event) => {
    if (event.target.matches("[data-autosubmit]")) event.target.form.requestSubmit();
  });
})();
