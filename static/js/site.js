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

  // A table box that scrolls sideways (a wide table on a phone) must scroll with the keyboard
  // too (WCAG 2.1.1): it becomes a focusable region named after the heading above it. A box that
  // fits stays out of the tab order; boxes a template already made regions are left alone.
  const headingBefore = (box) => {
    for (let el = box; el && el !== document.body; el = el.parentElement) {
      for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        const headings = prev.matches("h1, h2, h3, h4, h5, h6")
          ? [prev]
          : prev.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (headings.length) return headings[headings.length - 1].textContent.trim();
      }
    }
    return document.title;
  };
  const markScrollingTables = () => {
    document.querySelectorAll(".table-responsive").forEach((box) => {
      const made = box.hasAttribute("data-scroll-region");
      if (box.hasAttribute("tabindex") && !made) return;
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !made) {
        const caption = box.querySelector("caption");
        box.setAttribute("data-scroll-region", "");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : headingBefore(box));
      } else if (!scrolls && made) {
        ["data-scroll-region", "tabindex", "role", "aria-label"].forEach((a) => box.removeAttribute(a));
      }
    });
  };
  markScrollingTables();
  let resizing;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(markScrollingTables, 200);
  });
  document.addEventListener("htmx:afterSettle", markScrollingTables);
})();
