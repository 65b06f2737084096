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
 * The transcripts under src/test/resources/scripts (or another folder there), in file name
 * order. The system property {@code transcripts}, when set, keeps only the files whose names
 * contain it ({@code mvn ... -Dtranscripts=whisper}).
 */
final class Scripts {

    static final String DIRECTORY = "scripts";
    /** Transcripts that are wrong on purpose: the runner must fail each, as its header says. */
    static final String WRONG_DIRECTORY = "wrong";
    static final String EXTENSION = ".chat";
    static final String FILTER_PROPERTY = "transcripts";

    /** A transcript file, read but not yet parsed, so that a syntax error fails only its own test. */
    record Script(String directory, String name, URI uri, String text) {
        Transcript parse() {
            return TranscriptParser.parse(directory + "/" + name, text);
        }
    }

    private Scripts() {}

    static List<Script> all() {
        return in(DIRECTORY);
    }

    static List<Script> in(String folder) {
        try {
            Path directory = Path.of(Scripts.class.getClassLoader().getResource(folder).toURI());
            try (Stream<Path> files = Files.list(directory)) {
                String filter = System.getProperty(FILTER_PROPERTY, "");
                return files.filter(file -> file.getFileName().toString().endsWith(EXTENSION))
                        .filter(file -> file.getFileName().toString().contains(filter))
                        .sorted()
                        .map(file -> read(folder, file))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Script read(String folder, Path file) {
        try {
            return new Script(folder, file.getFileName().toString(), file.toUri(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
