// Draws the dashboard's charts from each canvas's data-chart, data-labels and data-counts (no inline script: the CSP forbids it).
// The table beside each chart holds the same numbers, for screen readers and for copying.
(function () {
    "use strict";
    if (typeof window.Chart !== "function") {
        return;
    }

    var palette = ["#b02a37", "#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d", "#d63384", "#0dcaf0", "#ffc107", "#495057"];
    var font = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.family = font;
    window.Chart.defaults.locale = "vi-VN";

    // Long unit and category names are cut on the axis; the tooltip and the table keep them whole.
    function shortLabel(value) {
        var label = String(this.getLabelForValue(value));
        return label.length > 32 ? label.slice(0, 31) + "…" : label;
    }

    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
        var kind = canvas.getAttribute("data-chart");
        var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
        var counts = JSON.parse(canvas.getAttribute("data-counts") || "[]");
        var round = kind === "doughnut";
        var colours = labels.map(function (_, i) { return palette[i % palette.length]; });
        new window.Chart(canvas, {
            type: round ? "doughnut" : "bar",
            data: {
                labels: labels,
                datasets: [{ label: "Số hồ sơ", data: counts, backgroundColor: round ? colours : palette[0], borderWidth: round ? 1 : 0 }],
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                indexAxis: kind === "hbar" ? "y" : "x",
                plugins: { legend: { display: round, position: "bottom" } },
                scales: round ? {} : kind === "hbar"
                    ? { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { callback: shortLabel } } }
                    : { y: { beginAtZero: true, ticks: { precision: 0 } } },
            },
        });
    });
})();
