"""Greeting service. `python app.py` runs a one-shot self-check;
`python app.py --serve` serves /greet/<name> on port 5000."""
import http.server
import sys

import greetlib
import zcrc


def render(name):
    msg = greetlib.greet(name)
    return "%s (crc32=%08x)" % (msg, zcrc.crc32(msg))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (render(self.path.rsplit("/", 1)[-1] or "world") + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    if "--serve" in sys.argv:
        http.server.HTTPServer(("0.0.0.0", 5000), Handler).serve_forever()
    else:
        print(render("world"))
