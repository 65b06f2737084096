package chat.server;

import chat.server.tls.TlsSettings;
import com.typesafe.config.Config;

/**
 * Where and how the server listens: the {@code chat.*} settings of the process, not of the chat;
 * see conf/application.conf for what each one means.
 */
record ListenerSettings(String host, int port, int acceptBacklog, int admissionsAtOnce, int descriptorReserve, Irc irc,
                        TlsSettings tls) {

    /** The IRC listener: on the same host, its own port, and the names it gives IRC clients. */
    record Irc(boolean enabled, int port, String serverName, String network) {}

    static ListenerSettings from(Config root) {
        Config chat = root.getConfig("chat");
        Config irc = chat.getConfig("irc");
        return new ListenerSettings(chat.getString("host"), chat.getInt("port"), chat.getInt("accept-backlog"),
                chat.getInt("admissions-at-once"), chat.getInt("limits.descriptor-reserve"),
                new Irc(irc.getBoolean("enabled"), irc.getInt("port"), irc.getString("server-name"), irc.getString("network")),
                TlsSettings.from(chat.getConfig("tls")));
    }
}
