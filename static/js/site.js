// Behaviours shared by every page, kept out of the HTML so that the Content-Security-Policy
// allows no inline script (docs/security.md). A [data-print] button prints the page.
(function () {
  "use strict";
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
})();
