"""The browser UI: textual-serve behind a login (the only package that imports textual_serve and aiohttp).

Importing this package loads neither; `annotator users` uses `logins` without the web server.
"""
