/* Search page: Pagefind's index, queried from our own small form.
 *
 * The form's words and filters go into the address (?q=…&tahun=…), so a
 * search can be shared and the back button works. Pagefind is loaded on
 * the first search only. Interface text comes from the form's data-*
 * attributes, which the templates translate.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-search]");
  if (!form) {
    return;
  }
  var input = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var status = document.getElementById("status-cari");
  var list = document.getElementById("hasil-cari");
  var pagefind = null;
  var latest = 0;
  var timer = null;

  // A large site's index comes in parts (bagian.json lists the others,
  // relative to the first); they are merged before the first search.
  function load() {
    if (!pagefind) {
      var base = new URL(form.dataset.bundle, location.href);
      pagefind = import(new URL("pagefind.js", base).href).then(function (module) {
        return fetch(new URL("bagian.json", base))
          .then(function (response) { return response.ok ? response.json() : []; })
          .catch(function () { return []; })
          .then(function (others) {
            return others.reduce(function (done, other) {
              return done.then(function () {
                return module.mergeIndex(new URL(other, base).href);
              });
            }, Promise.resolve());
          })
          .then(function () { return module.init(); })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function chosenFilters() {
    var found = {};
    selects.forEach(function (select) {
      if (select.value) {
        found[select.dataset.filter] = select.value;
      }
    });
    return found;
  }

  function remember() {
    var params = new URLSearchParams();
    if (input.value.trim()) {
      params.set("q", input.value.trim());
    }
    selects.forEach(function (select) {
      if (select.value) {
        params.set(select.name, select.value);
      }
    });
    var query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function show(results) {
    list.replaceChildren();
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = (result.meta && result.meta.title) || result.url;
      var heading = document.createElement("h2");
      heading.appendChild(link);
      // Pages of sample data say so in their result too (search_marks).
      if (result.meta && result.meta.sample) {
        var badge = document.createElement("span");
        badge.className = "badge badge-sample";
        badge.textContent = form.dataset.sample;
        heading.append(" ", badge);
      }
      var excerpt = document.createElement("p");
      // Pagefind escapes the page text and only adds <mark> around matches.
      excerpt.innerHTML = result.excerpt;
      item.append(heading, excerpt);
      list.appendChild(item);
    });
  }

  function search() {
    var words = input.value.trim();
    var filters = chosenFilters();
    var ticket = ++latest;
    remember();
    if (!words && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.loading;
    load()
      .then(function (module) {
        return module.search(words || null, { filters: filters });
      })
      .then(function (found) {
        return Promise.all(found.results.slice(0, 30).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        if (ticket !== latest) {
          return; // a newer search has started
        }
        show(results);
        status.textContent = results.length
          ? form.dataset.count.replace("{n}", results.length)
          : form.dataset.none;
      })
      .catch(function () {
        if (ticket === latest) {
          status.textContent = form.dataset.failed;
        }
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", search);
  });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
      select.value = wanted;
    }
  });
  search();
})();
