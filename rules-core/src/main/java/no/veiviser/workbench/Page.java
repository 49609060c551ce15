package no.veiviser.workbench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The page's files, from {@code veiviser/workbench/} on the class path. Only the names listed here are served, so no
 * request path reaches the class path or the file system. The page gets the write token inside its HTML: only a page
 * from this server can read it (other sites' requests are refused, and no CORS header is ever sent).
 */
final class Page implements HttpHandler {
    private static final String ROOT = "/veiviser/workbench/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "views.js", "text/javascript; charset=utf-8",
            "i18n.js", "text/javascript; charset=utf-8",
            "yaml.js", "text/javascript; charset=utf-8",
            "exact.js", "text/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Access access;
    private final Api api;

    Page(Access access, Api api) {
        this.access = access;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        if (path.equals("/health")) {
            api.handle(x);
            return;
        }
        {
            Optional<String> refused = access.refuse(x);
            if (refused.isPresent()) {
                Exchange.error(x, 403, refused.get());
                return;
            }
            String name = path.equals("/") ? "index.html" : path.substring(1);
            String type = FILES.get(name);
            if (type == null) {
                Exchange.error(x, 404, "no such page");
                return;
            }
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                Exchange.error(x, 405, "use GET here");
                return;
            }
            String text;
            try (InputStream in = Page.class.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    Exchange.error(x, 404, "no such page");
                    return;
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (name.equals("index.html")) {
                text = text.replace("@TOKEN@", access.token()).replace("@EDIT@", Boolean.toString(access.edit()));
            }
            x.getResponseHeaders().set("Content-Security-Policy", CSP);
            x.getResponseHeaders().set("X-Frame-Options", "DENY");
            Exchange.send(x, 200, type, text);
        }
    }
}
