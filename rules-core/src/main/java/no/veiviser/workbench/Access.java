package no.veiviser.workbench;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what. Requests must name this server in {@code Host} (no DNS rebinding against loopback) and, when they
 * carry an {@code Origin}, come from this server's own page (no cross-site requests). Writes need {@code --edit} and
 * the token made at start, which the page gets from the server inside its HTML. Bound to anything but loopback, every
 * request needs the token.
 */
final class Access {
    static final String TOKEN_HEADER = "X-Veiviser-Token";

    private final String token;
    private final boolean edit;
    private final boolean loopback;
    private final boolean anyHost;
    private final Set<String> hosts = new TreeSet<>();

    Access(String host, int port, boolean edit) {
        this.token = newToken();
        this.edit = edit;
        InetAddress address = address(host);
        this.loopback = address.isLoopbackAddress();
        this.anyHost = address.isAnyLocalAddress();
        String h = host.toLowerCase(Locale.ROOT);
        hosts.add(hostPort(h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h, port));
        if (loopback) {
            hosts.addAll(List.of(hostPort("localhost", port), hostPort("127.0.0.1", port), hostPort("[::1]", port)));
        }
    }

    private static String hostPort(String host, int port) {
        return host + ":" + port;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String token() {
        return token;
    }

    boolean edit() {
        return edit;
    }

    boolean loopback() {
        return loopback;
    }

    /** Why the request may not be served at all (403), or empty. */
    Optional<String> refuse(HttpExchange x) {
        String host = x.getRequestHeaders().getFirst("Host");
        if (host == null || (!anyHost && !hosts.contains(host.toLowerCase(Locale.ROOT)))) {
            return Optional.of("this server does not answer for the host '" + (host == null ? "" : host) + "'");
        }
        String origin = x.getRequestHeaders().getFirst("Origin");
        if (origin != null && !sameOrigin(origin, host)) {
            return Optional.of("requests from other sites are refused");
        }
        if (!loopback && !hasToken(x)) {
            return Optional.of("this server is reachable from the network: every request needs the token printed at start");
        }
        return Optional.empty();
    }

    /** An Origin of this server's own page: {@code http://} and the Host it was asked for. */
    private static boolean sameOrigin(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            return "http".equals(uri.getScheme()) && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equalsIgnoreCase(host) && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Why a write may not happen (403), or empty. */
    Optional<String> refuseWrite(HttpExchange x) {
        if (!edit) {
            return Optional.of("the workbench was started read-only: start it with --edit to save guides");
        }
        if (!hasToken(x)) {
            return Optional.of("a write needs the " + TOKEN_HEADER + " header with the token the page got from this server");
        }
        return Optional.empty();
    }

    /** The token, from the header or (for loading the page from a printed address) the {@code token} query parameter. */
    boolean hasToken(HttpExchange x) {
        String given = x.getRequestHeaders().getFirst(TOKEN_HEADER);
        if (given == null) {
            given = queryToken(x.getRequestURI().getRawQuery());
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("token=")) {
                return part.substring(6);
            }
        }
        return null;
    }
}
