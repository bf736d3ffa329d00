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
  var more = document.getElementById("lagi-cari");
  var folded = form.querySelector("details.search-more");
  var types = JSON.parse(form.dataset.types || "{}");
  var PAGE = 10; // results shown at first, and added by "more results"
  var pagefind = null;
  var latest = 0;
  var timer = null;
  var found = []; // every result of the current search, not yet loaded
  var shown = 0;

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

  // One result: its title (with the sample badge), what it is and when,
  // the words around the match, and the small picture of its page.
  function item(result) {
    var meta = result.meta || {};
    var li = document.createElement("li");
    var text = document.createElement("div");
    text.className = "item-text";
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = meta.title || result.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    // Pages of sample data say so in their result too (search_marks).
    if (meta.sample) {
      var badge = document.createElement("span");
      badge.className = "badge badge-sample";
      badge.textContent = form.dataset.sample;
      heading.append(" ", badge);
    }
    var kind = ((result.filters || {}).jenis || [])[0];
    var about = document.createElement("p");
    about.className = "meta";
    about.textContent = [types[kind], meta.when].filter(Boolean).join(" · ");
    var excerpt = document.createElement("p");
    // Pagefind escapes the page text and only adds <mark> around matches.
    excerpt.innerHTML = result.excerpt;
    text.append(heading, about, excerpt);
    li.appendChild(text);
    if (meta.thumb) {
      var img = document.createElement("img");
      img.className = "thumb";
      img.src = meta.thumb;
      if (meta.thumb_srcset) {
        img.srcset = meta.thumb_srcset;
        img.sizes = "5.5rem";
      }
      img.width = Number(meta.thumb_width) || 160;
      img.height = Number(meta.thumb_height) || 120;
      img.alt = "";
      img.loading = "lazy";
      img.decoding = "async";
      li.appendChild(img);
    }
    return li;
  }

  function counted() {
    return found.length
      ? (shown < found.length
        ? form.dataset.moreCount.replace("{shown}", shown).replace("{n}", found.length)
        : form.dataset.count.replace("{n}", found.length))
      : form.dataset.none;
  }

  // The next page of results: their data is loaded only when shown.
  function showMore(ticket) {
    var next = found.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (results) {
      if (ticket !== latest) {
        return; // a newer search has started
      }
      results.forEach(function (result) { list.appendChild(item(result)); });
      shown += results.length;
      more.hidden = shown >= found.length;
      status.textContent = counted();
    });
  }

  function search() {
    var words = input.value.trim();
    var filters = chosenFilters();
    var ticket = ++latest;
    remember();
    if (!words && Object.keys(filters).length === 0) {
      list.replaceChildren();
      found = [];
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.loading;
    load()
      .then(function (module) {
        return module.search(words || null, { filters: filters });
      })
      .then(function (answer) {
        if (ticket !== latest) {
          return;
        }
        found = answer.results;
        shown = 0;
        list.replaceChildren();
        return showMore(ticket);
      })
      .catch(function () {
        if (ticket === latest) {
          status.textContent = form.dataset.failed;
        }
      });
  }

  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore(latest).then(function () {
      // Keyboard users go on from the first new result.
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) {
        link.focus();
      }
    });
  });

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
      folded.open = true; // a chosen filter is never hidden
    }
  });
  search();
})();
