// sop-jdih: start Pagefind's UI, with its filters, on the archive page (/arsip/) and run the query given in ?q=.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("sj-pencarian");
  if (!element || typeof PagefindUI === "undefined") {
    return;
  }
  var ui = new PagefindUI({
    element: "#sj-pencarian",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    openFilters: ["tipe", "jenis", "status"],
  });
  // Pagefind's box has only a placeholder, which disappears once typed in: give it a visible label.
  var input = element.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.id = "sj-pencarian-kata";
    var label = document.createElement("label");
    label.className = "sj-pencarian-label";
    label.htmlFor = input.id;
    label.textContent = "Kata yang dicari";
    element.parentNode.insertBefore(label, element);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
