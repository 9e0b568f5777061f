// Mijn lijst: keeps the shortlist in this browser (localStorage, never sent anywhere) and
// makes "Bewaar" work without leaving the page. Without this file everything still works
// through the address (/lijst/?ids=...).
(function () {
  "use strict";
  var KEY = "buurtwijzer-lijst";
  var MAX = 30;

  function read() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (id) { return /^[1-9][0-9]{0,8}$/.test(String(id)); }).map(String).slice(0, MAX) : [];
    } catch (error) {
      return [];
    }
  }

  function write(ids) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(ids.slice(0, MAX)));
      return true;
    } catch (error) {
      return false; // storage off (private mode): the plain link still works
    }
  }

  // One "Bewaar" (.bw-bewaar, with data-id) inside its form (form.bw-bewaar-lijst); the
  // form's one status line (.bw-bewaar-melding) tells a screen reader what was just saved.
  function markSaved(box, ids, announce) {
    var form = box.closest("form");
    var button = box.querySelector("button");
    if (ids.indexOf(box.dataset.id) === -1) return;
    if (button) button.setAttribute("aria-pressed", "true");
    var status = box.querySelector(".bw-bewaar__status");
    if (!status) {
      status = document.createElement("span");
      status.className = "bw-bewaar__status";
      box.appendChild(status);
    }
    var link = document.createElement("a");
    link.href = form.action + "?ids=" + ids.join(",");
    link.className = "utrecht-link";
    link.textContent = (form.dataset.saved || "Op uw lijst") + " (" + ids.length + ")";
    status.textContent = "";
    status.appendChild(link);
    var message = form.querySelector(".bw-bewaar-melding");
    if (announce && message) message.textContent = link.textContent;
  }

  // "Mijn lijst" in the header: how many offers are on it.
  function showCount(ids) {
    document.querySelectorAll(".bw-nav__teller").forEach(function (counter) {
      counter.textContent = ids.length ? " (" + ids.length + ")" : "";
    });
  }

  function setUpSaveButtons() {
    var ids = read();
    var boxes = document.querySelectorAll("form.bw-bewaar-lijst .bw-bewaar");
    boxes.forEach(function (box) {
      var button = box.querySelector("button");
      if (button) box.dataset.id = button.value;
      markSaved(box, ids, false);
      if (!button) return;
      button.addEventListener("click", function (event) {
        var current = read();
        if (current.indexOf(box.dataset.id) === -1) current.push(box.dataset.id);
        if (!write(current)) return; // let the form go to /lijst/ instead
        event.preventDefault();
        // Every card on the page shows the new count, not only the one just saved.
        boxes.forEach(function (other) {
          markSaved(other, current, other === box);
        });
        showCount(current);
      });
    });
  }

  function setUpListPage() {
    var list = document.getElementById("bw-lijst");
    if (!list) return;
    if (list.dataset.leeg) {
      write([]);
    } else if (list.dataset.fromUrl) {
      write(list.dataset.ids ? list.dataset.ids.split(",") : []);
    } else {
      var ids = read();
      if (ids.length) window.location.replace("?ids=" + ids.join(","));
    }
  }

  // The sheet and card: with JavaScript a print button instead of the Ctrl+P tip.
  function setUpPrint() {
    var buttons = document.querySelectorAll(".bw-blad__print");
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    if (buttons.length) {
      document.querySelectorAll(".bw-blad__tip").forEach(function (tip) { tip.hidden = true; });
    }
  }

  function start() {
    setUpSaveButtons();
    setUpListPage();
    showCount(read());
    setUpPrint();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
