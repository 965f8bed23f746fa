"use strict";
// Filters the timeline by kind, stage and words; shows the form only when this runs.
(() => {
  const form = document.getElementById("filter");
  const count = document.getElementById("filter-count");
  const events = Array.from(document.querySelectorAll("#events > li"));
  if (!form || !count) return;
  const update = () => {
    const kind = form.elements.kind.value;
    const stage = form.elements.stage.value;
    const words = form.elements.text.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const event of events) {
      const text = event.textContent.toLowerCase();
      const match =
        (!kind || event.dataset.kind === kind) &&
        (!stage || event.dataset.stages.split(" ").includes(stage)) &&
        words.every((word) => text.includes(word));
      event.hidden = !match;
      shown += match ? 1 : 0;
    }
    count.textContent = count.dataset.format
      .replace("{shown}", String(shown))
      .replace("{total}", String(events.length));
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  document.getElementById("filter-reset")?.addEventListener("click", () => {
    form.reset();
    update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update();
})();
