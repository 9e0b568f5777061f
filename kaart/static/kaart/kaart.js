// "Toon kaart": the map loads only when the visitor asks for it. Before that, no request goes
// anywhere but this site (not even for Leaflet, which is served from here too).
(function () {
  "use strict";

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { element[name] = attributes[name]; });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  var leaflet = null;
  function loadLeaflet(box) {
    if (window.L) return Promise.resolve();
    if (!leaflet) {
      leaflet = Promise.all([
        load("link", { rel: "stylesheet", href: box.dataset.leafletCss }),
        load("script", { src: box.dataset.leafletJs }),
      ]);
    }
    return leaflet;
  }

  function show(button, box) {
    var list = document.querySelector('[data-kaart="' + box.id + '"]');
    var points = Array.prototype.slice.call(list.querySelectorAll("li[data-lat]"));
    button.disabled = true;
    loadLeaflet(box).then(function () {
      box.hidden = false;
      var map = window.L.map(box, { scrollWheelZoom: false });
      window.L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
      var bounds = [];
      points.forEach(function (item) {
        var at = [parseFloat(item.dataset.lat), parseFloat(item.dataset.lon)];
        bounds.push(at);
        // The item's first link is the offer (an address in a list, or a result card).
        var offer = item.querySelector("a");
        var link = document.createElement("a");
        link.href = offer.href;
        link.textContent = offer.textContent;
        window.L.marker(at, { alt: offer.textContent }).addTo(map).bindPopup(link);
      });
      map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
      button.hidden = true;
    }).catch(function () {
      button.disabled = false; // the list of addresses is still there
    });
  }

  function start() {
    document.querySelectorAll(".bw-kaart[data-tiles]").forEach(function (box) {
      var section = box.closest(".bw-kaart-blok");
      var button = section.querySelector(".bw-kaart-knop");
      var note = section.querySelector(".bw-kaart-uitleg");
      if (!button) return;
      button.hidden = false;
      if (note) note.hidden = false;
      button.addEventListener("click", function () { show(button, box); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
