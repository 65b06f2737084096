package chat.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The transcripts under src/test/resources/scripts, in file name order. The system property
 * {@code transcripts}, when set, keeps only the files whose names contain it
 * ({@code mvn ... -Dtranscripts=whisper}).
 */
final class Scripts {

    static final String DIRECTORY = "scripts";
    static final String EXTENSION = ".chat";
    static final String FILTER_PROPERTY = "transcripts";

    /** A transcript file, read but not yet parsed, so that a syntax error fails only its own test. */
    record Script(String name, URI uri, String text) {
        Transcript parse() {
            return TranscriptParser.parse(DIRECTORY + "/" + name, text);
        }
    }

    private Scripts() {}

    static List<Script> all() {
        try {
            Path directory = Path.of(Scripts.class.getClassLoader().getResource(DIRECTORY).toURI());
            try (Stream<Path> files = Files.list(directory)) {
                String filter = System.getProperty(FILTER_PROPERTY, "");
                return files.filter(file -> file.getFileName().toString().endsWith(EXTENSION))
                        .filter(file -> file.getFileName().toString().contains(filter))
                        .sorted()
                        .map(Scripts::read)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Script read(Path file) {
        try {
            return new Script(file.getFileName().toString(), file.toUri(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
