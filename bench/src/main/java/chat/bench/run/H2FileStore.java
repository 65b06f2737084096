package chat.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An H2 file in a folder of the run's own under the results folder, made empty before the run:
 * the store {@code bin/chat-server} uses by default (there under {@code data/}), with the same
 * options, because the server completes a plain URL itself.
 */
final class H2FileStore implements RunStore {

    private final Path folder;

    private H2FileStore(Path folder) {
        this.folder = folder;
    }

    static H2FileStore fresh(Path folder) throws IOException {
        Folders.delete(folder);
        return new H2FileStore(Files.createDirectories(folder));
    }

    @Override
    public List<String> serverOptions() {
        return List.of("-Dchat.store.url=jdbc:h2:file:" + folder.resolve("chat"));
    }

    @Override
    public long bytes() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    @Override
    public void close() throws IOException {
        Folders.delete(folder);
    }
}
