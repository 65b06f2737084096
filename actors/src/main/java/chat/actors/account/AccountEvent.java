package chat.actors.account;

import chat.actors.CborSerializable;

/** What happens to an account, stored in its journal; a password appears only as its hash. */
public sealed interface AccountEvent extends CborSerializable {

    /** {@code name} is the nick as its owner spelled it. */
    record Registered(String name, String hash) implements AccountEvent {}

    record PasswordChanged(String hash) implements AccountEvent {}
}
