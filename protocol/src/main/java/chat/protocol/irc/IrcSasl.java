package chat.protocol.irc;

import chat.protocol.Names;
import chat.protocol.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One connection's {@code AUTHENTICATE} exchange (IRCv3 sasl-3.1, mechanism PLAIN only): the
 * mechanism, the client's response in chunks of 400 bytes, and the credentials in it. It only
 * reads; whether the password is right is the session's to say, through the hello it becomes.
 * Used under its {@link IrcConnection}'s lock.
 */
final class IrcSasl {

    static final String MECHANISM = "PLAIN";
    private static final int CHUNK = 400;
    /**
     * The longest response that can hold a valid login: two nicks and a password of 4-byte
     * characters and their two separators, in base64. Anything longer is refused before decoding.
     */
    private static final int MAX_RESPONSE = 4 * ((2 * 4 * Names.MAX_NICK_CODE_POINTS + 4 * Secret.MAX_CODE_POINTS + 2 + 2) / 3);

    enum Kind {
        /** The mechanism is taken: the client sends its response next ({@code AUTHENTICATE +}). */
        CHALLENGE,
        /** A chunk of exactly 400 bytes: more follows. */
        MORE,
        /** The response is complete: log in with these credentials. */
        CREDENTIALS,
        UNKNOWN_MECHANISM,
        TOO_LONG,
        ABORTED,
        MALFORMED,
        /** Logged in already. */
        ALREADY,
        /** A login is being checked. */
        BUSY
    }

    /** What one {@code AUTHENTICATE} line gave: {@code account} and {@code password} for {@code CREDENTIALS}, {@code why} for {@code MALFORMED}. */
    record Step(Kind kind, String account, Secret password, String why) {
        static Step of(Kind kind) {
            return new Step(kind, null, null, null);
        }

        static Step malformed(String why) {
            return new Step(Kind.MALFORMED, null, null, why);
        }
    }

    private enum Phase { IDLE, RESPONDING, CHECKING, LOGGED_IN }

    private Phase phase = Phase.IDLE;
    private final StringBuilder response = new StringBuilder();

    Step read(String param) {
        return switch (phase) {
            case IDLE -> mechanism(param);
            case RESPONDING -> respond(param);
            case CHECKING -> Step.of(Kind.BUSY);
            case LOGGED_IN -> Step.of(Kind.ALREADY);
        };
    }

    /** The session refused the credentials: the client may try again. */
    void failed() {
        phase = Phase.IDLE;
    }

    /** The session welcomed the account. */
    void succeeded() {
        phase = Phase.LOGGED_IN;
    }

    boolean loggedIn() {
        return phase == Phase.LOGGED_IN;
    }

    /** Registration completed while the client was still to send its response: true if that exchange was dropped. */
    boolean abandon() {
        boolean responding = phase == Phase.RESPONDING;
        if (responding) {
            reset();
        }
        return responding;
    }

    private Step mechanism(String param) {
        if (param.equals("*")) {
            return Step.of(Kind.ABORTED);
        }
        if (!param.toUpperCase(Locale.ROOT).equals(MECHANISM)) {
            return Step.of(Kind.UNKNOWN_MECHANISM);
        }
        phase = Phase.RESPONDING;
        return Step.of(Kind.CHALLENGE);
    }

    private Step respond(String param) {
        if (param.equals("*")) {
            reset();
            return Step.of(Kind.ABORTED);
        }
        if (param.length() > CHUNK || response.length() + param.length() > MAX_RESPONSE) {
            reset();
            return Step.of(Kind.TOO_LONG);
        }
        // "+" is an empty chunk: the whole response, or the end of one that filled its last chunk.
        if (!param.equals("+")) {
            response.append(param);
        }
        if (param.length() == CHUNK) {
            return Step.of(Kind.MORE);
        }
        String whole = response.toString();
        reset();
        return credentials(whole);
    }

    /** PLAIN's message (RFC 4616): authorization identity, authentication identity, password, separated by NUL. */
    private Step credentials(String base64) {
        String message;
        try {
            message = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(base64)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Step.malformed("the response is not base64 of UTF-8 text");
        }
        String[] parts = message.split("\0", -1);
        if (parts.length != 3) {
            return Step.malformed("PLAIN takes an authorization identity, an account and a password, separated by NUL");
        }
        String account = parts[1];
        if (account.isEmpty()) {
            return Step.malformed("no account was given");
        }
        if (!parts[0].isEmpty() && !Names.key(parts[0]).equals(Names.key(account))) {
            return Step.malformed("an account logs in as itself only");
        }
        phase = Phase.CHECKING;
        return new Step(Kind.CREDENTIALS, account, new Secret(parts[2]), null);
    }

    private void reset() {
        phase = Phase.IDLE;
        response.setLength(0);
    }
}
