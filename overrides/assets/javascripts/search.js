/* Site search on the search page only. The index for the page's language is fetched when the
   reader opens the search page, never before. Diacritics are folded on both sides, so people can
   type Vietnamese with or without them. */
(function () {
  "use strict";
  var form = document.getElementById("site-search");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("site-search-status");
  var list = document.getElementById("site-search-results");
  var pages = null;

  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function snippet(text, folded, term) {
    var at = Math.max(0, folded.indexOf(term) - 60);
    return (at > 0 ? "… " : "") + text.slice(at, at + 180) + "…";
  }

  function show(query) {
    var terms = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var hits = pages.map(function (page) {
      var inTitle = 0, inText = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        if (page.ftitle.indexOf(t) < 0 && page.ftext.indexOf(t) < 0) { return null; }
        if (page.ftitle.indexOf(t) >= 0) { inTitle += 1; }
        inText += page.ftext.split(t).length - 1;
      }
      return { page: page, score: inTitle * 20 + inText };
    }).filter(Boolean).sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
    status.textContent = hits.length ? form.dataset.found.replace("#", hits.length)
                                     : form.dataset.none;
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = form.dataset.root + hit.page.url;
      link.textContent = hit.page.title;
      var text = document.createElement("p");
      text.textContent = snippet(hit.page.text, hit.page.ftext, terms[0]);
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  function load() {
    if (pages) { return Promise.resolve(pages); }
    status.textContent = form.dataset.loading;
    return fetch(form.dataset.index).then(function (r) { return r.json(); }).then(function (data) {
      pages = data.pages.map(function (p) {
        p.ftitle = fold(p.title); p.ftext = fold(p.text); return p;
      });
      return pages;
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load().then(function () { show(input.value); }); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    load().then(function () { show(input.value); });
  });
  var first = new URLSearchParams(location.search).get("q");
  if (first) { input.value = first; load().then(function () { show(first); }); }
}());
