package dev.accelgen.reports.html;

/** The page's stylesheet (inline: the page loads nothing). It must not contain '<', '>' or '&'. */
final class PageStyle {
    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
            header,main,footer{max-width:1040px;margin:0 auto;padding:0 24px}
            header{padding-top:20px}
            h1{font-size:22px;margin:0 0 4px}
            h2{font-size:18px;margin:0 0 10px;border-bottom:1px solid #d9dde5;padding-bottom:4px}
            h3{font-size:15px;margin:14px 0 6px}
            .meta{color:#59606e;margin:0 0 8px}
            nav a{margin-right:14px;color:#2b5ea7;text-decoration:none}
            section{background:#fff;border:1px solid #e1e4ea;border-radius:6px;padding:16px 20px;margin:16px 0}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{border:1px solid #e1e4ea;border-radius:6px;padding:10px 14px;min-width:170px}
            .card .label{color:#59606e;font-size:12px}
            .card .value{font-size:22px;font-weight:600}
            .card.pass .value{color:#1f7a3a}
            .card.fail .value{color:#b3261e}
            figure{margin:8px 0 12px}
            figcaption{font-size:12px;color:#444b58}
            figcaption p{margin:2px 0}
            .source .by{margin:0 6px}
            .source .how{color:#7a8190;margin-right:4px}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f0f2f5;padding:1px 4px;border-radius:3px}
            .prov{display:inline-block;font-size:11px;font-weight:600;border-radius:3px;padding:0 5px;color:#fff}
            .prov.measured{background:#c25e0a}
            .prov.modelled{background:#2f5f94}
            .prov.specified{background:#6b7280}
            .absent{color:#7a8190;font-style:italic}
            table{border-collapse:collapse;font-size:12px;margin:6px 0}
            th,td{border-bottom:1px solid #eceef2;padding:3px 8px;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.pass{color:#1f7a3a;font-weight:600}
            td.fail{color:#b3261e;font-weight:600}
            details summary{cursor:pointer;color:#2b5ea7;font-size:13px}
            svg{max-width:100%;height:auto;font-size:11px}
            svg text{fill:#1d2330}
            svg .tick{fill:#59606e}
            svg .axistitle{font-size:12px}
            svg .gridline{stroke:#e6e8ee}
            svg .axis{stroke:#8a909c}
            svg .reference{stroke:#b3261e;stroke-dasharray:4 3;stroke-width:1.5}
            svg .reflabel{fill:#b3261e}
            svg .barnote{fill:#444b58;font-size:10px}
            .modelled{fill:#4e79a7}
            .measured{fill:#f28e2b}
            .stall{fill:#e15759}
            .line{fill:none;stroke-width:2}
            .swatch.peak,.swatch.ports,.swatch.board{stroke-width:0}
            .line.peak{stroke:#59a14f}.swatch.peak{fill:#59a14f}
            .line.ports{stroke:#e15759}.swatch.ports{fill:#e15759}
            .line.board{stroke:#76b7b2;stroke-dasharray:6 4}.swatch.board{fill:#76b7b2}
            .line.modelled{stroke:#4e79a7}
            .points.prefill circle,.swatch.prefill{fill:#edc948;stroke:#8a6d00}
            .points.decode circle,.swatch.decode{fill:#b07aa1;stroke:#5e3a55}
            .points.run circle,.swatch.run{fill:#4e79a7;stroke:#23425f}
            .points.modelled circle{fill:#4e79a7;stroke:#23425f}
            footer{color:#7a8190;font-size:12px;padding-bottom:24px}
            """;

    private PageStyle() {
    }
}
