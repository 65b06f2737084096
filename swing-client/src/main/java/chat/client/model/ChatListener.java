package chat.client.model;

/** What a view hears from the {@link ChatModel}, always on the model's thread. */
public interface ChatListener {

    /** Conversations came, went, were renamed or changed unread counts. */
    default void conversationsChanged() {}

    /** Topic or members of one conversation changed. */
    default void conversationChanged(Conversation conversation) {}

    default void entryAppended(Conversation conversation, TranscriptEntry entry) {}

    /** Lines were inserted before the end (older history, a filled gap): show the transcript afresh. */
    default void transcriptReplaced(Conversation conversation) {}

    default void selected(Conversation conversation) {}

    default void statusChanged(ConnectionStatus status) {}

    /** Somebody mentioned this user or whispered to them. */
    default void attentionWanted(Conversation conversation, TranscriptEntry entry) {}

    /** The first login succeeded; later reconnects do not call this again. */
    default void loggedIn(String nick) {}

    /** The first login failed, with a sentence saying why and the field of the connect dialog to change. */
    default void loginFailed(String reason, LoginField wrong) {}

    /** This user's own nick changed. */
    default void nickChanged(String nick) {}

    /**
     * The login (or a reconnect) needs the password of the account whose nick this user wants.
     * Answer with {@link ChatClient#logIn} or {@link ChatClient#chooseAnotherNick}.
     */
    default void passwordWanted(PasswordPrompt prompt) {}

    /** The session logged in to an account, or registered one; null when it is a guest's. */
    default void accountChanged(String account) {}

    /** A register or password change was answered, or refused before it went out. */
    default void accountAnswered(AccountAnswer answer) {}

    /** The session ended for good: the user quit. */
    default void ended() {}
}
