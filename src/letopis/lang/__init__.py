"""Language layers: each language implements `letopis.lang.base.Language`."""
