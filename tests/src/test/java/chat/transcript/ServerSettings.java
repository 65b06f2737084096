package chat.transcript;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The settings a transcript's server runs with, the same in both modes. */
final class ServerSettings {

    /** Test-wide settings, beneath each transcript's own. */
    static final String TEST_DEFAULTS = "transcript-server.conf";

    private ServerSettings() {}

    /**
     * The transcript's config lines over the test-wide settings; each harness adds the server's
     * defaults beneath, as the server process does (its own defaults over the reference ones).
     */
    static Config of(Transcript transcript) {
        return transcript.settings().withFallback(ConfigFactory.parseResources(TEST_DEFAULTS));
    }
}
