// A loopback web server for the sources tests: an article, a redirect loop, a 20 MB page, a
// PDF, a page with no article, a page that never answers. The article's text can be changed
// (to test refresh).
import { createServer, type Server } from "node:http";

export interface TestSite {
  url(path: string): string;
  /** Replaces the body of /article (and /article-copy). */
  setArticle(html: string): void;
  close(): Promise<void>;
}

export function articleHtml(
  paragraphs: readonly string[],
  title = "Quokka subnet draws validators",
): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title} | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Ada Lovelace">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>© Example Wire. All rights reserved.</footer></body></html>`;
}

export const ARTICLE_PARAGRAPHS = [
  "The Quokka subnet on Bittensor drew four hundred new validators in a single week, according to public chain data.",
  "Analysts warn that $TAO could fall sharply if the Quokka validators leave as quickly as they arrived, because emissions would then concentrate in a handful of wallets.",
  "Regulators may also scrutinise the Quokka incentive scheme, and a crackdown would be a serious risk for token holders.",
  "Supporters argue that the Quokka subnet proves decentralized AI can attract real compute, which they say is bullish for $TAO over the long run.",
];

export async function startTestSite(): Promise<TestSite> {
  let article = articleHtml(ARTICLE_PARAGRAPHS);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article" || path === "/article-copy") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(article);
    } else if (path === "/notes.md") {
      res.writeHead(200, { "content-type": "text/markdown" });
      res.end(
        `# Quokka field notes\n\n${ARTICLE_PARAGRAPHS.slice(0, 2)
          .join("\n\n")
          .replace(/Quokka/g, "Wombat")}\n`,
      );
    } else if (path.startsWith("/loop")) {
      const n = Number(path.slice(5) || 0);
      res.writeHead(302, { location: `/loop${n + 1}` });
      res.end();
    } else if (path === "/huge") {
      // 20 MB in 64 KB chunks, without a Content-Length: the limit must count as it streams.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "<p>filler filler filler</p>");
      let sent = 0;
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => {});
      pump();
    } else if (path === "/paper.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    } else if (path === "/empty") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        '<!doctype html><html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"><button>Sign in</button></form></body></html>',
      );
    } else if (path === "/slow") {
      // Never answers; the fetch's time limit must end it.
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    setArticle(html) {
      article = html;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
