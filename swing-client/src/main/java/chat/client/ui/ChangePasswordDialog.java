package chat.client.ui;

import chat.client.model.AccountAnswer;
import chat.client.model.ChatClient;
import chat.protocol.Secret;
import java.awt.Window;
import java.util.Optional;

/** Changes the account's password: the current one, and the new one twice. */
final class ChangePasswordDialog extends AccountDialog {

    private final ChatClient client;

    ChangePasswordDialog(Window owner, ChatClient client, String account) {
        super(owner, "Change the password of \u201c" + account + "\u201d", AccountAnswer.Request.CHANGE_PASSWORD,
                "The new password has " + Secret.MIN_CODE_POINTS + " to " + Secret.MAX_CODE_POINTS + " characters.",
                "Change password", "Current", "oldPassword", "New", "newPassword", "New again", "newPasswordAgain");
        this.client = client;
        setName("changePasswordDialog");
    }

    @Override
    void submit() {
        if (!PasswordFields.same(field(1), field(2))) {
            say("The two new passwords differ: type the same one twice.");
            return;
        }
        Optional<Secret> old = PasswordFields.take(field(0));
        Optional<Secret> password = PasswordFields.take(field(1));
        field(2).setText("");
        if (old.isEmpty()) {
            say("Type the current password too.");
            return;
        }
        Optional<String> problem = password.map(Secret::problem).orElse(Optional.of("none was typed"));
        if (problem.isPresent()) {
            say("That new password will not do: " + problem.get() + ".");
            return;
        }
        busy(true);
        client.changePassword(old.get(), password.get());
    }
}
