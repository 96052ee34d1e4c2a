"""Classic cross-site scripting payloads, written into every text and URL field by tests/test_security.py.

Each one aims at a different layer: raw HTML in a Markdown field, an attribute or a table cell, Markdown's own
links, images and attribute lists, Jinja (should the data ever be rendered as a template), the <title> and <script>
raw-text contexts, and entities that a double unescape would turn into markup.
"""

from __future__ import annotations

TEXT = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><details open ontoggle=alert(1)>",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "{{7*7}} {% raw %}{{ config }}{% endraw %}",
    "</script><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "![x](y){ onerror=alert(1) }",
    "x { onclick=alert(1) }",
    "<!--<script>alert(1)</script>",
    "| <iframe src=javascript:alert(1)> |",
    "\\<script>alert(1)\\</script> `<script>alert(1)</script>`",
    # The one markup SOP text has (italics, *…*) around markup, and the markers the diagram uses for it typed in.
    "*<script>alert(1)</script>* *<img src=x onerror=alert(1)>*",
    "\ue000<svg onload=alert(1)>\ue001 \ue000\ue001*x\ue001*",
)

# https:// addresses whose rest tries to end the link or add attributes: refused with a message, like the ones below.
URLS = (
    'https://x/"><script>alert(1)</script>',
    "https://x/){ onclick=alert(1) }",
    'https://x/ "onmouseover=alert(1)',
    "https://x/\n\n<script>alert(1)</script>",
    "https://x/><img src=x onerror=alert(1)>",
)

# Fields that must be an https:// address or a file inside content_archive/ refuse these outright.
REJECTED_URLS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://x/",
    " javascript:alert(1)",
)
