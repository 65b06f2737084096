package chat.actors.account;

import chat.actors.ChatSettings;
import chat.protocol.Secret;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Argon2id, slow on purpose and so never on an actor's thread: every hash and check runs on the
 * hashing executor and comes back as a future. A stored hash names its own parameters (PHC
 * string), so changing the settings affects new hashes and old ones still verify.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    private final Executor executor;

    public PasswordHasher(ChatSettings.Accounts settings, Executor executor) {
        this.argon2 = Argon2Function.getInstance(settings.memoryKib(), settings.iterations(), settings.parallelism(),
                HASH_BYTES, Argon2.ID);
        this.executor = executor;
    }

    /** The salted hash to store for {@code password}. */
    public CompletionStage<String> hash(Secret password) {
        return CompletableFuture.supplyAsync(
                () -> Password.hash(password.value()).addRandomSalt(SALT_BYTES).with(argon2).getResult(), executor);
    }

    /** True when {@code password} is the one {@code storedHash} was made from. */
    public CompletionStage<Boolean> matches(Secret password, String storedHash) {
        return CompletableFuture.supplyAsync(
                () -> Password.check(password.value(), storedHash).with(Argon2Function.getInstanceFromHash(storedHash)),
                executor);
    }
}
