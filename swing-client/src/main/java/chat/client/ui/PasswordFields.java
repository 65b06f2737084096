package chat.client.ui;

import chat.protocol.Secret;
import java.util.Arrays;
import java.util.Optional;
import javax.swing.JPasswordField;

/**
 * Reading passwords out of fields. The field is emptied, and the characters Swing hands over are
 * overwritten once read: a Java string cannot be wiped, but no more copies than that one linger.
 */
final class PasswordFields {

    private PasswordFields() {}

    /** The password in {@code field}, which is then empty; nothing when none was typed. */
    static Optional<Secret> take(JPasswordField field) {
        char[] typed = field.getPassword();
        try {
            return typed.length == 0 ? Optional.empty() : Optional.of(new Secret(new String(typed)));
        } finally {
            Arrays.fill(typed, '\0');
            field.setText("");
        }
    }

    /** True when both fields hold the same password; compared without making a string of either. */
    static boolean same(JPasswordField one, JPasswordField other) {
        char[] first = one.getPassword();
        char[] second = other.getPassword();
        try {
            return Arrays.equals(first, second);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }
}
