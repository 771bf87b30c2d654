// The assign page: narrow the list of officers as one types. Without JavaScript the same
// search box submits ?q= and the server narrows the list.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.getElementById("officer-filter");
  const list = document.getElementById("officer-list");
  if (!input || !list) return;
  const empty = document.getElementById("officer-filter-empty");
  const status = document.getElementById("officer-filter-status");
  const template = status.dataset.template;

  function apply() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of list.querySelectorAll("[data-search]")) {
      const match = words.every((word) => item.dataset.search.includes(word));
      item.classList.toggle("d-none", !match);
      if (match) shown += 1;
    }
    empty.hidden = shown > 0;
    if (template) status.textContent = template.replace("{shown}", shown);
  }

  input.addEventListener("input", apply);
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  if (input.value) apply();
});
