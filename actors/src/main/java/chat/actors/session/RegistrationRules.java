package chat.actors.session;

import chat.protocol.ClientFrame;

/** Which requests a session may make before {@code hello} has registered it: decided here only. */
public final class RegistrationRules {

    private RegistrationRules() {}

    /** {@code hello} registers; {@code bye} lets a client leave politely before it ever did. */
    public static boolean allowedBeforeHello(ClientFrame frame) {
        return frame instanceof ClientFrame.Hello || frame instanceof ClientFrame.Bye;
    }
}
