// Every workspace table sits in a scroll container. When a table is wider than the screen (a phone),
// the container becomes a labelled region that keyboard users can focus and scroll, and shows a shadow
// on the side that has more to see. Without JavaScript the tables keep their normal layout.
(function () {
  "use strict";

  var HEADINGS = "h1, h2, h3, h4";

  function nearestHeading(node) {
    for (var current = node; current && !current.classList.contains("ws-page"); current = current.parentElement) {
      for (var sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        if (sibling.matches(HEADINGS)) {
          return sibling;
        }
        var inner = sibling.querySelectorAll(HEADINGS);
        if (inner.length) {
          return inner[inner.length - 1];
        }
      }
    }
    return document.querySelector(".ws-page h1");
  }

  function label(table, region) {
    var caption = table.querySelector("caption");
    var source = caption && caption.textContent.trim() ? caption : nearestHeading(region);
    return table.getAttribute("aria-label") || (source ? source.textContent.trim() : document.title);
  }

  function wrap(table) {
    var parent = table.parentElement;
    if (parent.classList.contains("ws-table-scroll")) {
      return parent;
    }
    var frame = document.createElement("div");
    frame.className = "ws-table-frame";
    var region = document.createElement("div");
    region.className = "ws-table-scroll";
    parent.insertBefore(frame, table);
    frame.appendChild(region);
    region.appendChild(table);
    region.addEventListener("scroll", function () {
      update(region);
    }, { passive: true });
    return region;
  }

  function update(region) {
    var overflows = region.scrollWidth > region.clientWidth + 1;
    var frame = region.parentElement;
    frame.classList.toggle("ws-table-frame--more-left", overflows && region.scrollLeft > 0);
    frame.classList.toggle(
      "ws-table-frame--more-right",
      overflows && region.scrollLeft + region.clientWidth < region.scrollWidth - 1
    );
    if (overflows && !region.hasAttribute("role")) {
      region.setAttribute("role", "region");
      region.setAttribute("tabindex", "0");
      region.setAttribute("aria-label", label(region.querySelector("table"), region));
    } else if (!overflows && region.hasAttribute("role")) {
      region.removeAttribute("role");
      region.removeAttribute("tabindex");
      region.removeAttribute("aria-label");
    }
  }

  function updateAll() {
    document.querySelectorAll(".ws-page table").forEach(function (table) {
      if (!table.parentElement.closest(".ws-table-scroll")) {
        update(wrap(table));
      }
    });
    document.querySelectorAll(".ws-table-scroll").forEach(update);
  }

  document.addEventListener("DOMContentLoaded", updateAll);
  document.addEventListener("turbo:load", updateAll);
  window.addEventListener("resize", updateAll);
})();
