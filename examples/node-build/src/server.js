const http = require("http");

const server = http.createServer((req, res) => {
  const { status, body } = handle(req.url);
  res.writeHead(status, { "Content-Type": "text/plain" });
  res.end(body);
});

const port = process.env.PORT ? Number(process.env.PORT) : 3000;
const once = process.argv.includes("--once");
// --once: listen on an ephemeral port, request /health from ourselves, print it, exit
server.listen(once ? 0 : port, () => {
  if (!once) return console.log(`listening on :${port} (build ${BUILD_ID})`);
  http.get({ port: server.address().port, path: "/health" }, (res) => {
    let data = "";
    res.on("data", (c) => (data += c));
    res.on("end", () => {
      console.log(`self-test ${res.statusCode} ${data.trim()} (build ${BUILD_ID})`);
      server.close();
    });
  });
});
