package chat.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Connections the server still holds open, as the Linux kernel lists them: sockets whose local
 * port is the server's, established or half-closed by the peer (CLOSE_WAIT, the classic leak of
 * a server that never closes its side). The listening socket and TIME_WAIT do not count.
 */
final class OpenConnections {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;

    private OpenConnections() {}

    static boolean visible() {
        return TABLES.stream().anyMatch(Files::isReadable);
    }

    static long toPort(int port) {
        String suffix = String.format(":%04X", port);
        return TABLES.stream().filter(Files::isReadable).flatMap(OpenConnections::lines)
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > STATE && fields[LOCAL_ADDRESS].endsWith(suffix))
                .filter(fields -> fields[STATE].equals(ESTABLISHED) || fields[STATE].equals(CLOSE_WAIT))
                .count();
    }

    private static Stream<String> lines(Path table) {
        try {
            return Files.readAllLines(table).stream().skip(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
