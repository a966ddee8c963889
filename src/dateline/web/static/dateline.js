// Article page: selecting a record (side panel or highlighted words) marks every piece of its
// evidence and the matching panel entry. Links still work without this script (#rec-… anchors).
"use strict";
(function () {
  const text = document.getElementById("article-text");
  if (!text) return;
  let active = [];

  function select(attr, id) {
    active.forEach((el) => el.classList.remove("active"));
    active = Array.from(document.querySelectorAll(`[${attr}="${CSS.escape(id)}"]`))
      .filter((el) => el.matches("mark.q, .evidence, a.record"));
    active.forEach((el) => el.classList.add("active"));
  }

  document.querySelectorAll("a.record").forEach((link) => {
    link.addEventListener("click", () => {
      if (link.dataset.quote) select("data-quote", link.dataset.quote);
      else if (link.dataset.event) select("data-event", link.dataset.event);
    });
  });
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.q");
    if (mark) select("data-quote", mark.dataset.quote);
  });
  // Arriving with #rec-q3 in the address marks that record's evidence too.
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("rec-")) {
    const target = document.getElementById(hash);
    if (target && target.dataset.quote) select("data-quote", target.dataset.quote);
    else if (target && target.dataset.event) select("data-event", target.dataset.event);
  }
})();
