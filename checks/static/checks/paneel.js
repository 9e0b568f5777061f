/* Updates the "Taal en toegankelijkheid" panel while the editor types: when the form has
   changed and the editor pauses for a moment, the form is sent to the check view (nothing
   is saved) and the findings are replaced. Rich text fields update their hidden input
   without an event, so the form is compared at an interval, as Wagtail's preview does. */
(function () {
  "use strict";
  const INTERVAL = 1000; // ms between looks at the form
  const PAUSE = 800; // ms without changes before checking

  function csrfToken(form) {
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function serialise(form) {
    const data = new FormData(form);
    data.delete("csrfmiddlewaretoken");
    return new URLSearchParams(data).toString();
  }

  function start(panel) {
    const url = panel.dataset.liveUrl;
    const form = panel.closest("form");
    if (!url || !form) return;
    const results = panel.querySelector("[data-bw-checks-results]");
    const status = panel.querySelector("[data-bw-checks-status]");
    let last = serialise(form); // what the findings are about
    let seen = last; // what the form held at the previous look
    let changedAt = 0;
    let busy = false;

    async function check(snapshot) {
      busy = true;
      status.hidden = false;
      try {
        const response = await fetch(url, {
          method: "POST",
          body: new FormData(form),
          headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "XMLHttpRequest" },
          credentials: "same-origin",
        });
        if (response.ok) {
          results.innerHTML = (await response.json()).html;
          last = snapshot;
        }
      } catch (error) {
        // Offline or the server is busy: keep the last findings and try again later.
      } finally {
        busy = false;
        status.hidden = true;
      }
    }

    window.setInterval(function () {
      if (busy) return;
      const now = serialise(form);
      if (now !== seen) {
        seen = now; // still typing: wait for a pause
        changedAt = Date.now();
      } else if (now !== last && Date.now() - changedAt >= PAUSE) {
        check(now);
      }
    }, INTERVAL / 4);
  }

  function init() {
    document.querySelectorAll("[data-bw-checks]").forEach(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
