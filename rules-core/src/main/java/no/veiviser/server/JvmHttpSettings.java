package no.veiviser.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limits of the JDK's {@code HttpServer} that are JVM-wide system properties, read once when the first server
 * class initialises ({@code sun.net.httpserver.ServerConfig}). They are set here, in one place, before
 * {@link HttpServers#start} creates the first server. A value given on the command line ({@code -Dname=value}) wins.
 *
 * <table>
 *   <caption>Properties and the defaults set here</caption>
 *   <tr><th>property</th><th>default here</th><th>JDK default</th><th>why</th></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqTime}</td><td>10 s</td><td>forever</td>
 *       <td>a request (line, headers and body) must arrive within this time, or the connection is closed: a slow
 *       client, or a {@code Content-Length} larger than what is sent, cannot hold a worker longer</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxRspTime}</td><td>30 s</td><td>forever</td>
 *       <td>a client that does not read its response cannot hold a worker longer</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqHeaderSize}</td><td>16 KiB</td><td>380 KiB</td>
 *       <td>request line and headers together</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxReqHeaders}</td><td>64</td><td>200</td><td>number of header lines</td></tr>
 *   <tr><td>{@code jdk.httpserver.maxConnections}</td><td>1,024</td><td>unbounded</td>
 *       <td>connections per server, idle ones included; more are closed on accept (the JDK cannot answer them), so it
 *       is well above the 256 workers: requests beyond those wait for one</td></tr>
 *   <tr><td>{@code sun.net.httpserver.idleInterval}</td><td>30 s</td><td>30 s</td><td>keep-alive time</td></tr>
 *   <tr><td>{@code sun.net.httpserver.maxIdleConnections}</td><td>64</td><td>200</td><td>kept-alive connections</td></tr>
 *   <tr><td>{@code sun.net.httpserver.nodelay}</td><td>true</td><td>false</td>
 *       <td>TCP_NODELAY: the JDK writes headers and body separately, and with Nagle's algorithm a kept-alive client's
 *       delayed ACK held each answer about 40 ms (workbench load test: 589 → 1,767 requests/s, p50 49 → 14 ms)</td></tr>
 * </table>
 *
 * <p>{@code maxReqHeaderSize} and {@code maxConnections} are honoured by JDK 17.0.15 and later (backported updates);
 * an older JDK ignores them. If some other code in the JVM created a JDK {@code HttpServer} before this class ran,
 * the JDK has already read its settings and these do not apply: start servers through {@link HttpServers}, or set
 * the properties on the command line.
 */
final class JvmHttpSettings {
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sun.net.httpserver.maxReqTime", "10");
        d.put("sun.net.httpserver.maxRspTime", "30");
        d.put("sun.net.httpserver.maxReqHeaderSize", String.valueOf(16 * 1024));
        d.put("sun.net.httpserver.maxReqHeaders", "64");
        d.put("jdk.httpserver.maxConnections", "1024");
        d.put("sun.net.httpserver.idleInterval", "30");
        d.put("sun.net.httpserver.maxIdleConnections", "64");
        d.put("sun.net.httpserver.nodelay", "true");
        DEFAULTS = Collections.unmodifiableMap(d);
        DEFAULTS.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }

    private JvmHttpSettings() {
    }

    /** The values in effect (given on the command line, or set here). */
    static Map<String, String> effective() {
        Map<String, String> out = new LinkedHashMap<>();
        DEFAULTS.keySet().forEach(k -> out.put(k, System.getProperty(k)));
        return Collections.unmodifiableMap(out);
    }

    /** Connections per server the JDK accepts: the worker pool's queue is as large, so no accepted connection is refused. */
    static int maxConnections() {
        try {
            int n = Integer.parseInt(System.getProperty("jdk.httpserver.maxConnections"));
            return n > 0 ? n : 1024;
        } catch (NumberFormatException e) {
            return 1024;
        }
    }
}
