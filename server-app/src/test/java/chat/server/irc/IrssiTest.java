package chat.server.irc;

import java.nio.file.Path;

/** Irssi, the terminal IRC client, in a conversation with a JSON user. */
class IrssiTest extends IrcClientConversation {

    @Override
    RealIrcClient connect(Path home, int ircPort, String nick) {
        return IrssiClient.connect(home, ircPort, nick);
    }

    @Override
    RealIrcClient connectWithSasl(Path home, int ircPort, String nick, String account, String password) {
        return IrssiClient.connectWithSasl(home, ircPort, nick, account, password);
    }
}
