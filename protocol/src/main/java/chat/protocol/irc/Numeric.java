package chat.protocol.irc;

/**
 * The numeric replies this server sends, named as the Modern IRC client protocol document and
 * RFC 2812 name them. docs/irc.md lists which command earns which.
 */
enum Numeric {
    RPL_WELCOME("001"),
    RPL_YOURHOST("002"),
    RPL_CREATED("003"),
    RPL_MYINFO("004"),
    RPL_ISUPPORT("005"),
    RPL_UMODEIS("221"),
    RPL_USERHOST("302"),
    RPL_UNAWAY("305"),
    RPL_NOWAWAY("306"),
    RPL_WHOISUSER("311"),
    RPL_WHOISSERVER("312"),
    RPL_ENDOFWHO("315"),
    RPL_ENDOFWHOIS("318"),
    RPL_WHOISCHANNELS("319"),
    RPL_LISTSTART("321"),
    RPL_LIST("322"),
    RPL_LISTEND("323"),
    RPL_CHANNELMODEIS("324"),
    RPL_NOTOPIC("331"),
    RPL_TOPIC("332"),
    RPL_INVITING("341"),
    RPL_WHOREPLY("352"),
    RPL_NAMREPLY("353"),
    RPL_ENDOFNAMES("366"),
    RPL_BANLIST("367"),
    RPL_ENDOFBANLIST("368"),
    RPL_MOTD("372"),
    RPL_MOTDSTART("375"),
    RPL_ENDOFMOTD("376"),
    ERR_NOSUCHNICK("401"),
    ERR_NOSUCHCHANNEL("403"),
    ERR_CANNOTSENDTOCHAN("404"),
    ERR_TOOMANYCHANNELS("405"),
    ERR_TOOMANYTARGETS("407"),
    ERR_NOORIGIN("409"),
    ERR_INVALIDCAPCMD("410"),
    ERR_NORECIPIENT("411"),
    ERR_NOTEXTTOSEND("412"),
    ERR_INPUTTOOLONG("417"),
    ERR_UNKNOWNCOMMAND("421"),
    ERR_NOMOTD("422"),
    ERR_NONICKNAMEGIVEN("431"),
    ERR_ERRONEUSNICKNAME("432"),
    ERR_NICKNAMEINUSE("433"),
    ERR_NOTONCHANNEL("442"),
    ERR_NOTREGISTERED("451"),
    ERR_NEEDMOREPARAMS("461"),
    ERR_ALREADYREGISTERED("462"),
    ERR_PASSWDMISMATCH("464"),
    ERR_UNKNOWNMODE("472"),
    ERR_INVITEONLYCHAN("473"),
    ERR_BANNEDFROMCHAN("474"),
    ERR_CHANOPRIVSNEEDED("482"),
    ERR_UMODEUNKNOWNFLAG("501"),
    ERR_USERSDONTMATCH("502");

    private final String code;

    Numeric(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
