// A report page's charts, made interactive: each chart is already on the page as SVG (drawn
// on the server, the same as in the PDF), with its text alternative and data table beside
// it. Where JavaScript runs, vega-embed (served from our own static files) redraws it from
// its Vega-Lite specification, adding tooltips; the SVG stays if anything fails.
// Loaded as a module after vendor/vega-embed.js, which sets window.vegaEmbed. Nothing here
// needs 'unsafe-eval' or inline styles (docs/security.md).
const specs = document.getElementById("report-charts");
const locale = document.getElementById("report-locale");
if (specs && window.vegaEmbed) {
  const charts = JSON.parse(specs.textContent);
  const formatLocale = locale ? JSON.parse(locale.textContent) : undefined;
  document.querySelectorAll("[data-chart]").forEach((box) => {
    const spec = charts[box.getAttribute("data-chart")];
    if (!spec) return;
    // The page's own Noto Sans (report-print.css), as in the PDF, where vl-convert knows
    // the font by its plain name.
    spec.config = { ...spec.config, font: '"Esitlik Noto Sans", "Noto Sans", sans-serif' };
    const holder = document.createElement("div");
    window
      .vegaEmbed(holder, spec, {
        actions: false,
        renderer: "svg",
        formatLocale,
        // Under the site's Content Security Policy (no 'unsafe-eval', no inline styles):
        // expressions run in Vega's interpreter, which the bundle carries, instead of being
        // compiled with new Function; vega-embed's and the tooltip's rules come from
        // css/report-charts.css instead of <style> elements they would add.
        ast: true,
        defaultStyle: false,
        tooltip: { disableDefaultStyle: true },
      })
      .then(() => {
        box.replaceChildren(holder);
        box.setAttribute("data-interactive", "true");
      })
      .catch(() => {
        // The server's drawing stays.
      });
  });
}
