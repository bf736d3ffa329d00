/* Citing and linking: today's date in the citation, copy buttons, and
 * copying the address of a result row.
 *
 * Without JavaScript the page still works: the citation says where to
 * write the date, the copy buttons stay hidden, and each row's "#" is a
 * plain link whose address can be copied by hand. Interface text comes
 * from data-* attributes, which the templates translate.
 */
(function () {
  "use strict";

  var status = document.querySelector(".copy-status");
  var lang = document.documentElement.lang || "id";

  // "Diakses <today>": the reader's day, in the page's language.
  var today = new Date().toLocaleDateString(lang, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  document.querySelectorAll("[data-accessed]").forEach(function (span) {
    span.textContent = today;
  });

  function say(text) {
    if (status) {
      status.textContent = "";
      // A fresh text node is announced even when the words repeat.
      setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    area.remove();
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = (source.value !== undefined ? source.value : source.textContent)
        .replace(/\s+/g, " ")
        .trim();
      copy(text).then(function () { say(button.dataset.done); }, function () {});
    });
  });

  // A row's "#": follow the link (the row lights up) and copy its address.
  document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function () {
      var address = new URL(link.getAttribute("href"), location.href).href;
      copy(address).then(function () {
        if (status) {
          say(status.dataset.copied);
        }
      }, function () {});
    });
  });
})();
