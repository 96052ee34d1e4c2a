// sop-jdih: start Pagefind's UI on the search page and run the query given in ?q= (from the header box).
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
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    ui.triggerSearch(query);
  }
});
