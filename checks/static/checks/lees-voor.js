/* "Lees voor": reads the page's main content aloud with the browser's own speech synthesis,
   in the language of the page. No other service is used. Without speechSynthesis (or without
   JavaScript) the button stays hidden and the page works as it is. */
(function () {
  "use strict";
  const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, address, caption, th, td, figcaption, blockquote";

  function readableBlocks(main) {
    return Array.from(main.querySelectorAll(BLOCKS)).filter(function (element) {
      return (
        !element.closest("[data-lees-voor-box], nav, .bw-terug") && // content, not the way around
        !element.querySelector(BLOCKS) && // read the innermost blocks, each once
        element.getClientRects().length > 0 && // visible
        element.innerText.trim()
      );
    });
  }

  function voiceFor(language) {
    const voices = window.speechSynthesis.getVoices();
    const base = language.toLowerCase().split("-")[0];
    return (
      voices.find(function (v) { return v.lang.toLowerCase() === language.toLowerCase(); }) ||
      voices.find(function (v) { return v.lang.toLowerCase().split("-")[0] === base; }) ||
      null
    );
  }

  function init() {
    const button = document.querySelector("[data-lees-voor]");
    const box = document.querySelector("[data-lees-voor-box]");
    const main = document.querySelector("main");
    if (!button || !box || !main) return;
    if (!window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== "function") return;

    const synth = window.speechSynthesis;
    const language = document.documentElement.lang || "nl";
    const startLabel = button.textContent;
    const stopLabel = button.dataset.labelStop;

    function setSpeaking(speaking) {
      button.textContent = speaking ? stopLabel : startLabel;
      button.setAttribute("aria-pressed", speaking ? "true" : "false");
    }

    button.addEventListener("click", function () {
      if (synth.speaking || synth.pending) {
        synth.cancel();
        setSpeaking(false);
        return;
      }
      const blocks = readableBlocks(main);
      const voice = voiceFor(language);
      blocks.forEach(function (block, index) {
        const utterance = new window.SpeechSynthesisUtterance(block.innerText.trim());
        utterance.lang = language;
        if (voice) utterance.voice = voice;
        if (index === blocks.length - 1) utterance.onend = function () { setSpeaking(false); };
        synth.speak(utterance); // one utterance per block: long ones get cut off in some browsers
      });
      setSpeaking(blocks.length > 0);
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
    box.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
