const routes = {
  "/": () => ({ status: 200, body: "node-build example\n" }),
  "/health": () => ({ status: 200, body: "ok\n" }),
};

function handle(path) {
  const route = routes[path];
  return route ? route() : { status: 404, body: "not found\n" };
}
