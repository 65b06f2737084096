package chat.client.ui;

import chat.client.model.AccountAnswer;
import chat.client.model.ChatClient;
import chat.protocol.Secret;
import java.awt.Window;
import java.util.Optional;

/** Makes the current nick an account: the password twice, checked here before it goes to the server. */
final class RegisterDialog extends AccountDialog {

    private final ChatClient client;

    RegisterDialog(Window owner, ChatClient client, String nick) {
        super(owner, "Register \u201c" + nick + "\u201d", AccountAnswer.Request.REGISTER,
                "From then on, only this password logs in with the nick \u201c" + nick + "\u201d: keep it safe, since "
                        + "nobody can read it back. A password has " + Secret.MIN_CODE_POINTS + " to "
                        + Secret.MAX_CODE_POINTS + " characters.",
                "Register", "Password", "password", "Again", "passwordAgain");
        this.client = client;
        setName("registerDialog");
    }

    @Override
    void submit() {
        if (!PasswordFields.same(field(0), field(1))) {
            say("The two passwords differ: type the same one twice.");
            return;
        }
        Optional<Secret> password = PasswordFields.take(field(0));
        field(1).setText("");
        Optional<String> problem = password.map(Secret::problem).orElse(Optional.of("none was typed"));
        if (problem.isPresent()) {
            say("That password will not do: " + problem.get() + ".");
            return;
        }
        busy(true);
        client.register(password.get());
    }
}
