/* Quick exit: leave the site at once, by the button, Esc twice or Shift three times.
   The page is hidden and the title blanked before the browser leaves, and location.replace
   keeps this page out of the history so Back does not return to it. */
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  if (!exit) { return; }
  var target = exit.getAttribute("href");
  var left = false;
  var presses = { Shift: [], Escape: [] };
  var needed = { Shift: 3, Escape: 2 };
  var WINDOW_MS = 1200;

  function hide() {
    document.documentElement.classList.add("quick-exit--gone");
    document.title = "\u200b";
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    left = true;
    hide();
    window.location.replace(target);
  }

  function isTyping(node) {
    return !!node && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }

  function onKey(event) {
    if (isTyping(event.target)) {
      presses.Shift = []; presses.Escape = [];
      return;
    }
    var key = event.key;
    if (!(key in presses)) {
      presses.Shift = []; presses.Escape = [];
      return;
    }
    if (event.repeat) { return; }
    var now = Date.now();
    presses[key] = presses[key].filter(function (t) { return now - t < WINDOW_MS; });
    presses[key].push(now);
    if (presses[key].length >= needed[key]) { leave(event); }
  }

  exit.addEventListener("click", leave);
  document.addEventListener("keydown", onKey, true);
  /* Back/forward cache: a page left by quick exit must not come back into view. */
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && left) { hide(); window.location.replace(target); }
  });
}());
