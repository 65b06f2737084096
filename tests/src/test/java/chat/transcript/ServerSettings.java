package chat.transcript;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/** The settings a transcript's server runs with, the same in both modes. */
final class ServerSettings {

    /** Test-wide settings, beneath each transcript's own. */
    static final String TEST_DEFAULTS = "transcript-server.conf";

    private ServerSettings() {}

    /** The transcript's config: lines, over the test-wide settings, over the server's defaults. */
    static Config of(Transcript transcript) {
        return transcript.settings()
                .withFallback(ConfigFactory.parseResources(TEST_DEFAULTS))
                .withFallback(ConfigFactory.load());
    }
}
