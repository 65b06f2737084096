package chat.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Turns a parsed request into a {@link ClientFrame}, or into the error it earns. */
final class ClientFrameReader {

    static final int MAX_ID_LENGTH = 64;
    /** How much of an unknown type the error repeats back. */
    private static final int ABBREVIATED_TYPE_CODE_POINTS = 32;

    /** A field that is missing or of the wrong JSON type. */
    private static final class BadField extends Exception {
        BadField(String message) {
            super(message, null, false, false);
        }
    }

    Decoded read(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return reject(ErrorCode.BAD_FRAME, "a frame is one JSON object", null);
        }
        if (!allTextWellFormed(tree)) {
            return reject(ErrorCode.BAD_FRAME, "frame holds a lone surrogate, which is not text", null);
        }
        JsonNode idNode = tree.get("id");
        String id = null;
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() || idNode.textValue().isEmpty() || idNode.textValue().length() > MAX_ID_LENGTH) {
                return reject(ErrorCode.BAD_REQUEST, "id is a string of 1.." + MAX_ID_LENGTH + " characters", null);
            }
            id = idNode.textValue();
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return reject(ErrorCode.BAD_FRAME, "a frame needs a string field \"type\"", id);
        }
        String type = typeNode.textValue();
        try {
            ClientFrame frame = frame(type, id, tree);
            if (frame == null) {
                return reject(ErrorCode.UNKNOWN_TYPE, "unknown frame type \"" + abbreviate(type) + "\"", id);
            }
            return new Decoded.Request(frame);
        } catch (BadField e) {
            return reject(ErrorCode.BAD_REQUEST, e.getMessage(), id);
        }
    }

    private static ClientFrame frame(String type, String id, JsonNode tree) throws BadField {
        switch (type) {
            case "hello":
                return new ClientFrame.Hello(id, string(tree, "nick"), optionalInt(tree, "protocol", 0, Integer.MAX_VALUE),
                        optionalString(tree, "client"), optionalSecret(tree, "password"));
            case "register":
                return new ClientFrame.Register(id, new Secret(string(tree, "password")));
            case "password":
                return new ClientFrame.ChangePassword(id, new Secret(string(tree, "old")), new Secret(string(tree, "new")));
            case "ping":
                return new ClientFrame.Ping(id);
            case "pong":
                return new ClientFrame.Pong(id);
            case "bye":
                return new ClientFrame.Bye(id, optionalString(tree, "reason"));
            case "join":
                return new ClientFrame.Join(id, string(tree, "room"), optionalLong(tree, "since", 0));
            case "leave":
                return new ClientFrame.Leave(id, string(tree, "room"));
            case "say":
                return new ClientFrame.Say(id, string(tree, "room"), string(tree, "text"));
            case "whisper":
                return new ClientFrame.Whisper(id, string(tree, "to"), string(tree, "text"));
            case "nick":
                return new ClientFrame.Nick(id, string(tree, "nick"));
            case "topic":
                return new ClientFrame.Topic(id, string(tree, "room"), string(tree, "topic"));
            case "rooms":
                return new ClientFrame.Rooms(id);
            case "who":
                return new ClientFrame.Who(id, string(tree, "room"));
            case "history":
                return new ClientFrame.History(id, string(tree, "room"), optionalLong(tree, "before", 1),
                        optionalInt(tree, "limit", 1, ProtocolLimits.MAX_HISTORY_LIMIT));
            case "op":
            case "deop":
                return new ClientFrame.Op(id, string(tree, "room"), string(tree, "nick"), type.equals("op"));
            case "kick":
                return new ClientFrame.Kick(id, string(tree, "room"), string(tree, "nick"), optionalString(tree, "reason"));
            case "ban":
            case "unban":
                return new ClientFrame.Ban(id, string(tree, "room"), string(tree, "nick"), type.equals("ban"));
            case "mode":
                return new ClientFrame.Mode(id, string(tree, "room"), optionalBoolean(tree, "invite"),
                        optionalBoolean(tree, "moderated"), optionalBoolean(tree, "secret"));
            case "invite":
                return new ClientFrame.Invite(id, string(tree, "room"), string(tree, "nick"));
            case "claim":
                return new ClientFrame.Claim(id, string(tree, "room"));
            case "kill":
                return new ClientFrame.Kill(id, string(tree, "nick"), optionalString(tree, "reason"));
            default:
                return null;
        }
    }

    private static String string(JsonNode tree, String field) throws BadField {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new BadField("field \"" + field + "\" is required");
        }
        if (!node.isTextual()) {
            throw new BadField("field \"" + field + "\" must be a string");
        }
        return node.textValue();
    }

    private static String optionalString(JsonNode tree, String field) throws BadField {
        JsonNode node = tree.get(field);
        return node == null || node.isNull() ? null : string(tree, field);
    }

    private static Boolean optionalBoolean(JsonNode tree, String field) throws BadField {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new BadField("field \"" + field + "\" must be true or false");
        }
        return node.booleanValue();
    }

    private static Secret optionalSecret(JsonNode tree, String field) throws BadField {
        String value = optionalString(tree, field);
        return value == null ? null : new Secret(value);
    }

    private static Long optionalLong(JsonNode tree, String field, long min) throws BadField {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
            throw new BadField("field \"" + field + "\" must be a whole number of at least " + min);
        }
        return node.longValue();
    }

    private static Integer optionalInt(JsonNode tree, String field, int min, int max) throws BadField {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new BadField("field \"" + field + "\" must be a whole number from " + min + " to " + max);
        }
        return node.intValue();
    }

    private static boolean allTextWellFormed(JsonNode node) {
        if (node.isTextual()) {
            return TextRules.isWellFormed(node.textValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!TextRules.isWellFormed(field.getKey()) || !allTextWellFormed(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!allTextWellFormed(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String abbreviate(String type) {
        if (type.codePointCount(0, type.length()) <= ABBREVIATED_TYPE_CODE_POINTS) {
            return type;
        }
        // Cut by code points: half an emoji would make the error frame itself ill-formed text.
        return type.substring(0, type.offsetByCodePoints(0, ABBREVIATED_TYPE_CODE_POINTS)) + "…";
    }

    private static Decoded reject(ErrorCode code, String message, String re) {
        return new Decoded.Rejected(code, message, re);
    }
}
