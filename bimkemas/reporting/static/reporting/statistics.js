// Draws the statistics page's charts from the JSON the page carries; the page's tables hold
// the same numbers, so without JavaScript (or Chart.js) nothing is lost.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("statistics-data");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    // Numbers on the axes as the page's tables write them (3.661 in Indonesian).
    window.Chart.defaults.locale = document.documentElement.lang || "id";
    var colours = ["#0d6efd", "#198754", "#b35c00"];
    var trend = document.getElementById("trend-chart");
    if (trend) {
      new window.Chart(trend, {
        type: "line",
        data: {
          labels: data.months,
          datasets: data.series.map(function (series, index) {
            return {
              label: series.label,
              data: series.data,
              borderColor: colours[index % colours.length],
              backgroundColor: colours[index % colours.length],
              pointStyle: ["circle", "rect", "triangle"][index % 3],
              tension: 0.2,
            };
          }),
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    }
    var bands = document.getElementById("compliance-chart");
    if (bands) {
      new window.Chart(bands, {
        type: "bar",
        data: {
          labels: data.bands,
          datasets: [{ label: data.clients_label, data: data.clients, backgroundColor: colours[0] }],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
