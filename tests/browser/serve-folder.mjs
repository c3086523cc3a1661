// A static server for a built site, shared by the browser tests: /x/ is x/index.html, a folder
// without its slash is redirected, misses get the site's 404.html, nothing outside the folder.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".xml": "application/xml",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serve `root` on a free loopback port; `routes` maps a path to a page made by the test
 * (`() => html`). Returns the server and its origin.
 */
export async function serveFolder(root, routes = {}) {
  root = path.resolve(root);
  const server = createServer(async (req, res) => {
    const send = (status, body, type, extra = {}) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return send(400, "Bad request", "text/plain");
    }
    if (routes[rel]) return send(200, routes[rel](), TYPES[".html"]);
    const file = path.join(root, rel);
    if (rel.includes("\0") || (file !== root && !file.startsWith(root + path.sep))) {
      return send(400, "Bad request", "text/plain");
    }
    const candidate = rel.endsWith("/") ? path.join(file, "index.html") : file;
    const info = await stat(candidate).catch(() => null);
    if (info?.isDirectory()) {
      return send(301, "", "text/plain", { Location: `${rel}/` });
    }
    if (info?.isFile()) {
      const type = TYPES[path.extname(candidate).toLowerCase()] || "application/octet-stream";
      return send(200, await readFile(candidate), type);
    }
    const notFound = await readFile(path.join(root, "404.html")).catch(() => "Not found");
    send(404, notFound, "text/html; charset=utf-8");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
