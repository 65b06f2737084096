package chat.protocol.irc;

import java.util.Set;

/** Which IRC commands a client may send before the welcome: decided here only. */
final class IrcRegistrationRules {

    private static final Set<String> BEFORE_WELCOME = Set.of("CAP", "NICK", "USER", "PASS", "AUTHENTICATE", "PING", "PONG", "QUIT");

    private IrcRegistrationRules() {}

    static boolean allowedBeforeWelcome(String command) {
        return BEFORE_WELCOME.contains(command);
    }
}
