/**
 * Serving Veiviser over HTTP: {@link no.veiviser.server.HttpServers} starts hardened JDK HTTP servers (timeouts,
 * header, body and connection limits, 500 with a JSON body), shared by the example server and the workbench.
 */
package no.veiviser.server;
