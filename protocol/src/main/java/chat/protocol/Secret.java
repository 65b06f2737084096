package chat.protocol;

import java.util.Optional;

/**
 * A password on its way from a client to the account that checks it. It never prints itself, so
 * no log line, error or dead-letter notice that shows a frame or a message can show the password;
 * nothing keeps it past the request that carried it (accounts keep only a slow salted hash).
 */
public record Secret(String value) {

    public static final int MIN_CODE_POINTS = 8;
    public static final int MAX_CODE_POINTS = 256;

    /** Empty when the password may be an account's; else what is wrong with it, without repeating it. */
    public Optional<String> problem() {
        int length = value.codePointCount(0, value.length());
        if (length < MIN_CODE_POINTS || length > MAX_CODE_POINTS) {
            return Optional.of("a password is " + MIN_CODE_POINTS + " to " + MAX_CODE_POINTS + " characters; this one has "
                    + length);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
