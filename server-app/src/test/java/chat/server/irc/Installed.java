package chat.server.irc;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The real programs these tests drive: a machine without one is a broken test machine, never a reason to skip. */
final class Installed {

    private Installed() {}

    /** Fails the test, naming the Debian package to install, when {@code program} is in no directory of the PATH. */
    static void require(String program, String debianPackage) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        if (!found) {
            fail(program + " is not installed, and this test drives the real one: apt-get install " + debianPackage
                    + " (.ci/run installs it)");
        }
    }
}
