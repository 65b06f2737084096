package chat.actors;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;

/** The default settings with a few changed, as a test scenario needs them; the store is Pekko's in-memory test kit. */
final class TestSettings {

    private TestSettings() {}

    /**
     * A test kit that serializes every message its actors send, as if each crossed to another node
     * (serializing-test.conf): for the suites whose messages travel between nodes in a cluster.
     */
    static ActorTestKit serializingEverything(String name) {
        return ActorTestKit.create(name, ConfigFactory.load("serializing-test"));
    }

    static ChatSettings with(String hocon) {
        return ChatSettings.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load("application-test")).resolve());
    }
}
