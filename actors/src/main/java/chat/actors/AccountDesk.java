package chat.actors;

import chat.actors.account.LoginThrottle;
import chat.actors.account.PasswordHasher;
import chat.protocol.ErrorCode;
import chat.protocol.Names;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * The registry's counter for accounts: it passes a session's login, registration and password
 * change on to the account's entity, wherever in the cluster it lives, and slows down wrong
 * passwords from one address on this node (the account slows down its own).
 */
final class AccountDesk {

    static final String HASHING_DISPATCHER = "chat.accounts.hashing-dispatcher";

    private final ClusterSharding sharding;
    private final LoginThrottle addresses;

    AccountDesk(ActorSystem<?> system, ClusterSharding sharding, ChatSettings settings) {
        this.sharding = sharding;
        this.addresses = new LoginThrottle(settings.accounts().perAddress());
        PasswordHasher hasher = new PasswordHasher(settings.accounts(),
                system.dispatchers().lookup(DispatcherSelector.fromConfig(HASHING_DISPATCHER)));
        sharding.init(Entity.of(AccountActor.TYPE_KEY,
                        account -> AccountActor.create(account.getEntityId(), account.getShard(), hasher, settings))
                .withStopMessage(new AccountActor.Stop()));
    }

    /** {@code address} is the session's, or null when the registry no longer counts it. */
    void logIn(RegistryActor.LogIn login, String address) {
        if (login.password() != null && lockedOut(address, login.session(), login.re())) {
            return;
        }
        account(login.nick()).tell(new AccountActor.LogIn(login.nick(), login.password(), login.session(), login.re()));
    }

    void register(RegistryActor.Register register) {
        account(register.nick()).tell(new AccountActor.Register(register.nick(), register.password(), register.session(),
                register.re()));
    }

    void changePassword(RegistryActor.ChangePassword change, String address) {
        if (lockedOut(address, change.session(), change.re())) {
            return;
        }
        account(change.account()).tell(new AccountActor.ChangePassword(change.old(), change.password(), change.session(),
                change.re()));
    }

    void failedFrom(String address) {
        if (address != null) {
            addresses.failed(address, System.nanoTime());
        }
    }

    private boolean lockedOut(String address, ActorRef<SessionActor.Reply> session,
                              String re) {
        Optional<String> lockout = address == null ? Optional.empty()
                : addresses.lockout(address, "from your address", System.nanoTime());
        lockout.ifPresent(refusal -> session.tell(new SessionActor.NickRefused(ErrorCode.RATE_LIMITED, refusal, re)));
        return lockout.isPresent();
    }

    private EntityRef<AccountActor.Command> account(String nick) {
        return sharding.entityRefFor(AccountActor.TYPE_KEY, Names.key(nick));
    }
}
