// The languages of an offer: a search box that shows only the languages that match.
// Without JavaScript all tick boxes stay visible and the search box stays hidden.
function start() {
  document.querySelectorAll("[data-bw-talen]").forEach(startBox);
}

function startBox(box) {
  const search = box.querySelector("[data-bw-talen-zoek]");
  const input = box.querySelector("[data-bw-talen-input]");
  const none = box.querySelector("[data-bw-talen-geen]");
  search.hidden = false;
  input.addEventListener("input", () => {
    const words = input.value.trim().toLowerCase();
    let shown = 0;
    box.querySelectorAll("[data-bw-talen-groep]").forEach((group) => {
      let inGroup = 0;
      group.querySelectorAll("[data-bw-talen-optie]").forEach((item) => {
        const checked = item.querySelector("input").checked;
        const match = !words || checked || item.dataset.bwTalenOptie.includes(words);
        item.hidden = !match;
        inGroup += match ? 1 : 0;
      });
      group.hidden = inGroup === 0;
      shown += inGroup;
    });
    none.hidden = shown > 0;
  });
  const chosen = box.querySelector("[data-bw-talen-gekozen]");
  const chosenLabel = box.dataset.bwTalenGekozenLabel;
  const noneChosen = box.dataset.bwTalenNietsLabel;
  box.addEventListener("change", () => {
    const names = [...box.querySelectorAll("input[type=checkbox]:checked")].map((c) =>
      c.closest("label").textContent.trim(),
    );
    chosen.textContent = names.length ? `${chosenLabel} ${names.join(", ")}` : noneChosen;
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault(); // Enter does not send the whole form
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
