// The search page: queries the Pagefind index written by the build and lists the hits.
// The count goes to a live region; each hit is a heading with a link, so screen-reader users
// can jump between hits. ?q=… in the address runs a search on load (links from other pages).
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) { return; }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("sok-status");
  var list = document.getElementById("sok-traffar");
  var MAX = 20;
  var loading = null;
  var latest = 0;
  var timer = null;

  // The index comes in parts (minutes and events by year, the rest in the main bundle): the
  // build lists the other parts in sitegen-delar.json beside pagefind.js, and each is merged in.
  function pagefind() {
    if (!loading) {
      var script = form.getAttribute("data-pagefind");
      var bundle = script.slice(0, script.lastIndexOf("/") + 1);
      var options = { baseUrl: form.getAttribute("data-base") };
      loading = import(script).then(function (pf) {
        return pf.options(options).then(function () {
          return fetch(bundle + "sitegen-delar.json");
        }).then(function (response) {
          return response.ok ? response.json() : { parts: [] };
        }).then(function (listing) {
          return Promise.all((listing.parts || []).map(function (part) {
            return pf.mergeIndex(bundle + part, options);
          }));
        }).then(function () { return pf; });
      });
    }
    return loading;
  }

  function show(query, total, hits) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var item = document.createElement("li");
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = hit.url;
      link.textContent = (hit.meta && hit.meta.title) || hit.url;
      heading.appendChild(link);
      item.appendChild(heading);
      if (hit.meta && hit.meta.kind) {
        var kind = document.createElement("p");
        kind.className = "meta";
        kind.textContent = hit.meta.kind;
        item.appendChild(kind);
      }
      var excerpt = document.createElement("p");
      excerpt.innerHTML = hit.excerpt;  // Pagefind escapes the page text and adds <mark> around hits
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    var quoted = "”" + query + "”";
    if (total === 0) {
      status.textContent = "Inga träffar för " + quoted + ". Pröva ett annat ord eller en kortare form av ordet.";
    } else {
      status.textContent = total + (total === 1 ? " träff" : " träffar") + " för " + quoted +
        (total > MAX ? ". De " + MAX + " bästa visas." : ".");
    }
  }

  function run(query) {
    var mine = ++latest;
    query = query.trim();
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    pagefind().then(function (pf) {
      return pf.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, MAX).map(function (r) { return r.data(); }))
        .then(function (hits) { return { total: search.results.length, hits: hits }; });
    }).then(function (found) {
      if (mine === latest) { show(query, found.total, found.hits); }
    }).catch(function () {
      if (mine === latest) {
        status.textContent = "Sökningen kunde inte startas. Hitta innehållet via menyn i stället.";
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    run(query);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 300);
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
