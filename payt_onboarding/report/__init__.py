"""The check report (DESIGN.md section 4): model, verdict and renderers; no Qt.

The public face: `model` (`Report`, `Finding`, `ConnectorResult`, `verdict_of`, …), `formats`
(`render(report, fmt)` and `format_from(path)`), the renderers `render_json`, `render_html`,
`render_text`, and `labels` (the report's words per language, which the wizard shows too).
"""
