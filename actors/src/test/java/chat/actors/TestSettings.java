package chat.actors;

import com.typesafe.config.ConfigFactory;

/** The default settings with a few changed, as a test scenario needs them; the store is Pekko's in-memory test kit. */
final class TestSettings {

    private TestSettings() {}

    static ChatSettings with(String hocon) {
        return ChatSettings.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load("application-test")).resolve());
    }
}
