package chat.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a parsed server frame into a {@link ServerFrame}, for clients. */
final class ServerFrameReader {

    ServerFrame read(JsonNode tree) throws ProtocolException {
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException("server frame is not a JSON object");
        }
        String type = string(tree, "type");
        String re = optional(tree, "re");
        switch (type) {
            case "welcome":
                return new ServerFrame.Welcome(string(tree, "nick"), number(tree, "protocol").intValue(),
                        optional(tree, "server"), number(tree, "heartbeat").intValue(), optional(tree, "motd"), optional(tree, "account"), re);
            case "registered":
                return new ServerFrame.Registered(string(tree, "account"), re);
            case "password-changed":
                return new ServerFrame.PasswordChanged(re);
            case "pong":
                return new ServerFrame.Pong(re);
            case "ping":
                return new ServerFrame.Ping();
            case "bye":
                return new ServerFrame.Bye(optional(tree, "reason"), re);
            case "joined":
                return new ServerFrame.Joined(string(tree, "room"), orEmpty(optional(tree, "topic")),
                        strings(tree, "members"), messages(tree, "history"), orEmpty(optional(tree, "epoch")),
                        roles(tree), tree.has("mode") ? mode(tree.get("mode")) : RoomMode.OPEN, re);
            case "role":
                return new ServerFrame.RoleChanged(string(tree, "room"), string(tree, "nick"), role(string(tree, "role")),
                        optional(tree, "by"), re);
            case "kicked":
                return new ServerFrame.Kicked(string(tree, "room"), optional(tree, "by"), optional(tree, "reason"), re);
            case "bans":
                return new ServerFrame.Bans(string(tree, "room"), strings(tree, "bans"), re);
            case "mode":
                return new ServerFrame.ModeChanged(string(tree, "room"), mode(tree), optional(tree, "by"), re);
            case "killed":
                return new ServerFrame.Killed(string(tree, "nick"), orEmpty(optional(tree, "reason")), re);
            case "invited":
                return new ServerFrame.Invited(string(tree, "room"), string(tree, "nick"), optional(tree, "by"), re);
            case "left":
                return new ServerFrame.Left(string(tree, "room"), re);
            case "presence":
                try {
                    return new ServerFrame.Presence(string(tree, "room"), string(tree, "nick"),
                            PresenceEvent.fromWire(string(tree, "event")), optional(tree, "old"), optional(tree, "reason"),
                            optional(tree, "by"), re);
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException(e.getMessage());
                }
            case "message":
                return message(tree);
            case "whisper":
                return new ServerFrame.Whisper(string(tree, "from"), string(tree, "to"), string(tree, "text"),
                        instant(tree), re);
            case "nick":
                return new ServerFrame.NickChanged(string(tree, "old"), string(tree, "nick"), re);
            case "topic":
                return new ServerFrame.Topic(string(tree, "room"), orEmpty(optional(tree, "topic")),
                        optional(tree, "by"), re);
            case "rooms":
                return new ServerFrame.RoomList(summaries(tree), re);
            case "members":
                return new ServerFrame.Members(string(tree, "room"), strings(tree, "members"), re);
            case "history":
                return new ServerFrame.History(string(tree, "room"), messages(tree, "messages"), re);
            case "error":
                ErrorCode code = ErrorCode.fromWire(string(tree, "code"));
                if (code == null) {
                    throw new ProtocolException("unknown error code " + tree.get("code"));
                }
                return new ServerFrame.Error(code, orEmpty(optional(tree, "message")), re);
            default:
                throw new ProtocolException("unknown server frame type " + type);
        }
    }

    private static Map<String, Role> roles(JsonNode tree) throws ProtocolException {
        Map<String, Role> roles = new LinkedHashMap<>();
        JsonNode node = tree.get("roles");
        if (node == null) {
            return roles;
        }
        if (!node.isObject()) {
            throw new ProtocolException("\"roles\" is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            roles.put(entry.getKey(), role(entry.getValue().asText()));
        }
        return roles;
    }

    private static Role role(String wire) throws ProtocolException {
        try {
            return Role.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(e.getMessage());
        }
    }

    private static RoomMode mode(JsonNode node) {
        return new RoomMode(node.path("invite").asBoolean(), node.path("moderated").asBoolean(),
                node.path("secret").asBoolean());
    }

    private static ServerFrame.Message message(JsonNode node) throws ProtocolException {
        return new ServerFrame.Message(string(node, "room"), string(node, "from"), string(node, "text"),
                number(node, "seq").longValue(), instant(node), optional(node, "re"));
    }

    private static List<ServerFrame.Message> messages(JsonNode tree, String field) throws ProtocolException {
        List<ServerFrame.Message> out = new ArrayList<>();
        for (JsonNode element : array(tree, field)) {
            out.add(message(element));
        }
        return out;
    }

    private static List<ServerFrame.RoomSummary> summaries(JsonNode tree) throws ProtocolException {
        List<ServerFrame.RoomSummary> out = new ArrayList<>();
        for (JsonNode element : array(tree, "rooms")) {
            out.add(new ServerFrame.RoomSummary(string(element, "room"), number(element, "members").intValue(),
                    orEmpty(optional(element, "topic"))));
        }
        return out;
    }

    private static List<String> strings(JsonNode tree, String field) throws ProtocolException {
        List<String> out = new ArrayList<>();
        for (JsonNode element : array(tree, field)) {
            if (!element.isTextual()) {
                throw new ProtocolException("\"" + field + "\" holds a non-string");
            }
            out.add(element.textValue());
        }
        return out;
    }

    private static JsonNode array(JsonNode tree, String field) throws ProtocolException {
        JsonNode node = tree.get(field);
        if (node == null || !node.isArray()) {
            throw new ProtocolException("server frame lacks array \"" + field + "\"");
        }
        return node;
    }

    private static java.time.Instant instant(JsonNode node) throws ProtocolException {
        try {
            return Timestamps.parse(string(node, "ts"));
        } catch (DateTimeException e) {
            throw new ProtocolException("bad ts: " + node.get("ts"));
        }
    }

    private static JsonNode number(JsonNode tree, String field) throws ProtocolException {
        JsonNode node = tree.get(field);
        if (node == null || !node.isNumber()) {
            throw new ProtocolException("server frame lacks number \"" + field + "\"");
        }
        return node;
    }

    private static String string(JsonNode tree, String field) throws ProtocolException {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual()) {
            throw new ProtocolException("server frame lacks string \"" + field + "\"");
        }
        return node.textValue();
    }

    private static String optional(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
