package chat.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every frame the server sends must satisfy, whatever the transcript lists: the parts of
 * the contract that hold for all frames of a type. Checked on every frame a client receives.
 */
final class FrameRules {

    private static final Pattern WIRE_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private FrameRules() {}

    /** Why the frame breaks the contract, or empty when it does not. */
    static Optional<String> problem(JsonNode frame) {
        String type = frame.path("type").asText();
        if (type.equals("error") && !nonEmptyText(frame.get("message"))) {
            return Optional.of("an error frame needs a human readable message");
        }
        if (type.equals("bye") && !nonEmptyText(frame.get("reason"))) {
            return Optional.of("a bye frame needs a reason");
        }
        if (type.equals("presence") && frame.path("event").asText().equals("quit") && !nonEmptyText(frame.get("reason"))) {
            return Optional.of("a presence quit needs a reason");
        }
        JsonNode re = frame.get("re");
        if (re != null && !re.isTextual()) {
            return Optional.of("re must be the request's id, a string");
        }
        return badTimestamp(frame).map(ts -> "ts must be UTC ISO-8601 with milliseconds, not " + ts);
    }

    private static boolean nonEmptyText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank();
    }

    private static Optional<String> badTimestamp(JsonNode node) {
        if (node.isObject()) {
            JsonNode ts = node.get("ts");
            if (ts != null && !(ts.isTextual() && WIRE_TIMESTAMP.matcher(ts.textValue()).matches())) {
                return Optional.of(ts.toString());
            }
        }
        for (JsonNode child : node) {
            Optional<String> bad = badTimestamp(child);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }
}
