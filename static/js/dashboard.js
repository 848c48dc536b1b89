// Dashboards: draw every [data-chart] element from the ECharts option the server sent beside
// it, again after each filter (HTMX swaps the fragment, no page reload). A click on a status
// slice, a unit bar or a heat-map cell drills down to the page behind it.
(function () {
  "use strict";
  const charts = [];
  const vi = (value) =>
    typeof value === "number" ? value.toLocaleString("vi-VN", { maximumFractionDigits: 2 }) : value;

  function draw(root) {
    root.querySelectorAll("[data-chart]").forEach((el) => {
      const source = document.getElementById(el.dataset.chart);
      if (!source || !window.echarts) return;
      const option = JSON.parse(source.textContent);
      option.tooltip = Object.assign({ valueFormatter: vi }, option.tooltip || {});
      const previous = window.echarts.getInstanceByDom(el);
      if (previous) previous.dispose();
      const chart = window.echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(option);
      const links = el.dataset.links ? JSON.parse(document.getElementById(el.dataset.links).textContent) : null;
      if (links) {
        chart.on("click", (params) => {
          const data = params.data || {};
          const cell = Array.isArray(data) ? data : data.value;
          const key = data.unit || data.status || (Array.isArray(cell) ? cell.slice(0, 2).join(",") : undefined);
          if (key !== undefined && links[key]) window.location.href = links[key];
        });
      }
      charts.push(chart);
    });
  }

  document.addEventListener("DOMContentLoaded", () => draw(document));
  document.body.addEventListener("htmx:afterSettle", (event) => draw(event.target));
  window.addEventListener("resize", () => charts.forEach((c) => c.isDisposed() || c.resize()));
  window.addEventListener("beforeprint", () => charts.forEach((c) => c.isDisposed() || c.resize()));
})();
