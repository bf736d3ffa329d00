/* Photo lightbox on a native <dialog>.
 *
 * Without this script every photo is a plain link to its large copy. With
 * it, a click opens the photo in a modal dialog: showModal() keeps focus
 * inside, Esc closes it (the dialog's own "cancel"), ← and → and a swipe
 * move through the photos of the same grid, and focus goes back to the
 * photo that was shown last. Labels come from the dialog's data-*
 * attributes, which the templates translate.
 */
(function () {
  "use strict";

  var dialog = document.querySelector("dialog.lightbox");
  if (!dialog || typeof dialog.showModal !== "function") {
    return;
  }

  var group = [];
  var index = 0;

  function button(className, label, text) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.textContent = text;
    return element;
  }

  var figure = document.createElement("figure");
  figure.className = "lightbox-figure";
  var frame = document.createElement("div");
  frame.className = "lightbox-frame";
  var caption = document.createElement("figcaption");
  caption.className = "lightbox-caption";
  caption.id = "lightbox-keterangan";
  var count = document.createElement("p");
  count.className = "lightbox-count";
  count.setAttribute("aria-live", "polite");
  figure.appendChild(frame);
  figure.appendChild(caption);

  var close = button("lightbox-close", dialog.dataset.close, "×");
  var previous = button("lightbox-prev", dialog.dataset.prev, "‹");
  var next = button("lightbox-next", dialog.dataset.next, "›");
  close.autofocus = true;
  dialog.setAttribute("aria-describedby", caption.id);
  dialog.appendChild(close);
  dialog.appendChild(figure);
  dialog.appendChild(count);
  dialog.appendChild(previous);
  dialog.appendChild(next);

  function show(position) {
    index = (position + group.length) % group.length;
    var link = group[index];
    var picture = link.querySelector("picture").cloneNode(true);
    picture.querySelectorAll("source, img").forEach(function (element) {
      element.setAttribute("sizes", "100vw");
    });
    var img = picture.querySelector("img");
    img.removeAttribute("loading");
    img.className = "lightbox-img";
    frame.replaceChildren(picture);

    caption.replaceChildren();
    [link.dataset.caption, link.dataset.credit].forEach(function (text, i) {
      if (text) {
        var span = document.createElement("span");
        span.className = i === 0 ? "caption" : "credit";
        span.textContent = text;
        caption.appendChild(span);
      }
    });
    count.textContent = dialog.dataset.count
      .replace("{n}", index + 1)
      .replace("{total}", group.length);
    var several = group.length > 1;
    previous.hidden = !several;
    next.hidden = !several;
  }

  function open(link) {
    var grid = link.closest("[data-galeri]");
    group = Array.prototype.slice.call(grid.querySelectorAll("a.galeri-foto"));
    show(group.indexOf(link));
    dialog.showModal();
  }

  document.querySelectorAll("[data-galeri] a.galeri-foto").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
        return; // let people open the large copy in a new tab
      }
      event.preventDefault();
      open(link);
    });
  });

  close.addEventListener("click", function () {
    dialog.close();
  });
  previous.addEventListener("click", function () {
    show(index - 1);
  });
  next.addEventListener("click", function () {
    show(index + 1);
  });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") {
      show(index - 1);
      event.preventDefault();
    } else if (event.key === "ArrowRight") {
      show(index + 1);
      event.preventDefault();
    }
  });
  // A click on the backdrop (the dialog box itself, not its content) closes.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  dialog.addEventListener("close", function () {
    frame.replaceChildren();
    if (group[index]) {
      group[index].focus();
    }
  });

  // Swipes: touch-action in the stylesheet leaves horizontal moves to us.
  var start = null;
  dialog.addEventListener("dragstart", function (event) {
    event.preventDefault();
  });
  dialog.addEventListener("pointercancel", function () {
    start = null;
  });
  dialog.addEventListener("pointerdown", function (event) {
    start = { x: event.clientX, y: event.clientY };
  });
  dialog.addEventListener("pointerup", function (event) {
    if (!start) {
      return;
    }
    var dx = event.clientX - start.x;
    var dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 2 * Math.abs(dy)) {
      show(dx < 0 ? index + 1 : index - 1);
    }
  });
})();
