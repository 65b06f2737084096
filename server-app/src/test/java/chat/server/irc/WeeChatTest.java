package chat.server.irc;

import java.nio.file.Path;

/** WeeChat, without its terminal, in a conversation with a JSON user. */
class WeeChatTest extends IrcClientConversation {

    @Override
    RealIrcClient connect(Path home, int ircPort, String nick) {
        return WeeChatClient.connect(home, ircPort, nick);
    }

    @Override
    RealIrcClient connectWithSasl(Path home, int ircPort, String nick, String account, String password) {
        return WeeChatClient.connectWithSasl(home, ircPort, nick, account, password);
    }
}
