"""The check report: model, verdict and renderers (JSON, HTML, text). No Qt."""
