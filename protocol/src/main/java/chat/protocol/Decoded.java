package chat.protocol;

/** The outcome of decoding one inbound line: a request, or the error frame it earns. */
public sealed interface Decoded {

    record Request(ClientFrame frame) implements Decoded {}

    /** {@code re} is the request's id when it could be read, so the error can answer it. */
    record Rejected(ErrorCode code, String message, String re) implements Decoded {
        public ServerFrame.Error toFrame() {
            return new ServerFrame.Error(code, message, re);
        }
    }
}
