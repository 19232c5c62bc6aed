// Optional: tells the host page how tall this block is, for the auto-height snippet.
// The block works the same without it.
(function () {
  if (window.parent === window) return;
  function send() {
    var height = document.documentElement.scrollHeight;
    window.parent.postMessage({ type: "ho-tro-embed-height", height: height }, "*");
  }
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
})();
