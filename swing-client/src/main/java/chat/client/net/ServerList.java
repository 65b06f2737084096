package chat.client.net;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The servers a client may use, in the order to try them: the nodes of one cluster, any of which
 * serves any room. Written as {@code host[:port]} entries separated by commas, as in
 * {@code a:7777,b:7777,c}; a bare host takes the default port.
 */
public record ServerList(List<Endpoint> endpoints) {

    private static final String SEPARATOR = ",";
    private static final int MIN_PORT = 1;
    private static final int MAX_PORT = 65535;

    public ServerList {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("names no server");
        }
        endpoints = List.copyOf(endpoints);
    }

    public static ServerList of(Endpoint... endpoints) {
        return new ServerList(List.of(endpoints));
    }

    /**
     * Reads a list as the user typed it.
     *
     * @throws IllegalArgumentException whose message goes on from a subject the caller names, as in
     *     "--host" + " names a:7777 twice"
     */
    public static ServerList parse(String text, int defaultPort) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("names no server");
        }
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        // -1 keeps a trailing empty entry, so that "a," is an empty entry rather than "a".
        for (String entry : text.split(SEPARATOR, -1)) {
            Endpoint endpoint = entry(entry.strip(), defaultPort);
            if (!endpoints.add(endpoint)) {
                throw new IllegalArgumentException("names " + endpoint + " twice");
            }
        }
        return new ServerList(List.copyOf(endpoints));
    }

    private static Endpoint entry(String entry, int defaultPort) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("has an empty entry: two commas in a row, or one at an end");
        }
        if (entry.startsWith("[") && entry.endsWith("]")) {
            return new Endpoint(unbracketed(entry), defaultPort);
        }
        int colon = entry.lastIndexOf(':');
        // Two colons or more without brackets are a bare IPv6 address, which takes the default port.
        boolean bareIpv6 = colon != entry.indexOf(':') && !entry.startsWith("[");
        if (colon < 0 || bareIpv6) {
            return new Endpoint(entry, defaultPort);
        }
        String host = unbracketed(entry.substring(0, colon));
        if (host.isEmpty()) {
            throw new IllegalArgumentException("has an entry with a port but no host: " + entry);
        }
        return new Endpoint(host, port(entry.substring(colon + 1), entry));
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int port(String number, String entry) {
        try {
            int port = Integer.parseInt(number);
            if (port >= MIN_PORT && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same sentence as an out-of-range number.
        }
        throw new IllegalArgumentException("gives " + entry + " a port that is not a number from " + MIN_PORT + " to " + MAX_PORT);
    }

    /** The same servers, every one reached with TLS or every one without. */
    public ServerList secure(boolean tls) {
        return new ServerList(endpoints.stream().map(endpoint -> endpoint.secure(tls)).toList());
    }

    /** True when the client talks to these servers inside TLS; a list is all TLS or all plain. */
    public boolean tls() {
        return endpoints.get(0).tls();
    }

    public int size() {
        return endpoints.size();
    }

    /** The server after the one at {@code index}, wrapping round to the first after the last. */
    public int after(int index) {
        return (index + 1) % endpoints.size();
    }

    public Endpoint get(int index) {
        return endpoints.get(index);
    }

    /** The list as {@link #parse} reads it back with {@code defaultPort}, leaving that port out where it can. */
    public String text(int defaultPort) {
        return endpoints.stream().map(endpoint -> endpoint.port() == defaultPort ? endpoint.host()
                : (endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host()) + ":" + endpoint.port())
                .collect(Collectors.joining(SEPARATOR));
    }
}
