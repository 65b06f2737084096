package chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes frames as one line of compact JSON each; field order is fixed, {@code type} first. */
final class FrameWriter {

    private static final int TYPICAL_FRAME_BYTES = 128;

    private final JsonFactory factory;

    FrameWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(ServerFrame frame) {
        return line(generator -> writeServer(generator, frame));
    }

    byte[] write(ClientFrame frame) {
        return line(generator -> writeClient(generator, frame));
    }

    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private byte[] line(Body body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(TYPICAL_FRAME_BYTES)) {
            try (JsonGenerator generator = factory.createGenerator(out)) {
                generator.writeStartObject();
                body.write(generator);
                generator.writeEndObject();
            }
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private static void writeServer(JsonGenerator g, ServerFrame frame) throws IOException {
        g.writeStringField("type", frame.type());
        if (frame instanceof ServerFrame.Message m) {
            message(g, m);
        } else if (frame instanceof ServerFrame.Presence p) {
            g.writeStringField("room", p.room());
            g.writeStringField("nick", p.nick());
            g.writeStringField("event", p.event().wire());
            optional(g, "old", p.old());
            optional(g, "reason", p.reason());
            optional(g, "by", p.by());
            optional(g, "re", p.re());
        } else if (frame instanceof ServerFrame.Welcome w) {
            g.writeStringField("nick", w.nick());
            g.writeNumberField("protocol", w.protocol());
            g.writeStringField("server", w.server());
            g.writeNumberField("heartbeat", w.heartbeat());
            g.writeStringField("motd", w.motd());
            optional(g, "account", w.account());
            optional(g, "re", w.re());
        } else if (frame instanceof ServerFrame.Registered r) {
            g.writeStringField("account", r.account());
            optional(g, "re", r.re());
        } else if (frame instanceof ServerFrame.PasswordChanged p) {
            optional(g, "re", p.re());
        } else if (frame instanceof ServerFrame.Joined j) {
            g.writeStringField("room", j.room());
            g.writeStringField("topic", j.topic());
            strings(g, "members", j.members());
            messages(g, "history", j.history());
            g.writeStringField("epoch", j.epoch());
            if (!j.roles().isEmpty()) {
                g.writeObjectFieldStart("roles");
                for (Map.Entry<String, Role> role : j.roles().entrySet()) {
                    g.writeStringField(role.getKey(), role.getValue().wire());
                }
                g.writeEndObject();
            }
            if (!j.mode().isOpen()) {
                mode(g, j.mode());
            }
            optional(g, "re", j.re());
        } else if (frame instanceof ServerFrame.RoleChanged r) {
            g.writeStringField("room", r.room());
            g.writeStringField("nick", r.nick());
            g.writeStringField("role", r.role().wire());
            g.writeStringField("by", r.by());
            optional(g, "re", r.re());
        } else if (frame instanceof ServerFrame.Kicked k) {
            g.writeStringField("room", k.room());
            g.writeStringField("by", k.by());
            optional(g, "reason", k.reason());
            optional(g, "re", k.re());
        } else if (frame instanceof ServerFrame.Bans b) {
            g.writeStringField("room", b.room());
            strings(g, "bans", b.bans());
            optional(g, "re", b.re());
        } else if (frame instanceof ServerFrame.ModeChanged m) {
            g.writeStringField("room", m.room());
            g.writeBooleanField("invite", m.mode().invite());
            g.writeBooleanField("moderated", m.mode().moderated());
            g.writeBooleanField("secret", m.mode().secret());
            g.writeStringField("by", m.by());
            optional(g, "re", m.re());
        } else if (frame instanceof ServerFrame.Killed k) {
            g.writeStringField("nick", k.nick());
            g.writeStringField("reason", k.reason());
            optional(g, "re", k.re());
        } else if (frame instanceof ServerFrame.Invited i) {
            g.writeStringField("room", i.room());
            g.writeStringField("nick", i.nick());
            g.writeStringField("by", i.by());
            optional(g, "re", i.re());
        } else if (frame instanceof ServerFrame.Left l) {
            g.writeStringField("room", l.room());
            optional(g, "re", l.re());
        } else if (frame instanceof ServerFrame.Whisper w) {
            g.writeStringField("from", w.from());
            g.writeStringField("to", w.to());
            g.writeStringField("text", w.text());
            g.writeStringField("ts", Timestamps.format(w.ts()));
            optional(g, "re", w.re());
        } else if (frame instanceof ServerFrame.NickChanged n) {
            g.writeStringField("old", n.old());
            g.writeStringField("nick", n.nick());
            optional(g, "re", n.re());
        } else if (frame instanceof ServerFrame.Topic t) {
            g.writeStringField("room", t.room());
            g.writeStringField("topic", t.topic());
            g.writeStringField("by", t.by());
            optional(g, "re", t.re());
        } else if (frame instanceof ServerFrame.RoomList r) {
            g.writeArrayFieldStart("rooms");
            for (ServerFrame.RoomSummary summary : r.rooms()) {
                g.writeStartObject();
                g.writeStringField("room", summary.room());
                g.writeNumberField("members", summary.members());
                g.writeStringField("topic", summary.topic());
                g.writeEndObject();
            }
            g.writeEndArray();
            optional(g, "re", r.re());
        } else if (frame instanceof ServerFrame.Members m) {
            g.writeStringField("room", m.room());
            strings(g, "members", m.members());
            optional(g, "re", m.re());
        } else if (frame instanceof ServerFrame.History h) {
            g.writeStringField("room", h.room());
            messages(g, "messages", h.messages());
            optional(g, "re", h.re());
        } else if (frame instanceof ServerFrame.Error e) {
            g.writeStringField("code", e.code().wire());
            g.writeStringField("message", e.message());
            optional(g, "re", e.re());
        } else if (frame instanceof ServerFrame.Bye b) {
            g.writeStringField("reason", b.reason());
            optional(g, "re", b.re());
        } else if (frame instanceof ServerFrame.Pong p) {
            optional(g, "re", p.re());
        } else if (!(frame instanceof ServerFrame.Ping)) {
            throw new IllegalArgumentException("no encoding for " + frame.getClass());
        }
    }

    private static void mode(JsonGenerator g, RoomMode mode) throws IOException {
        g.writeObjectFieldStart("mode");
        g.writeBooleanField("invite", mode.invite());
        g.writeBooleanField("moderated", mode.moderated());
        g.writeBooleanField("secret", mode.secret());
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, ServerFrame.Message m) throws IOException {
        g.writeStringField("room", m.room());
        g.writeStringField("from", m.from());
        g.writeStringField("text", m.text());
        g.writeNumberField("seq", m.seq());
        g.writeStringField("ts", Timestamps.format(m.ts()));
        optional(g, "re", m.re());
    }

    private static void messages(JsonGenerator g, String field, List<ServerFrame.Message> messages) throws IOException {
        g.writeArrayFieldStart(field);
        for (ServerFrame.Message m : messages) {
            g.writeStartObject();
            g.writeStringField("type", m.type());
            message(g, m);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void writeClient(JsonGenerator g, ClientFrame frame) throws IOException {
        g.writeStringField("type", frame.type());
        optional(g, "id", frame.id());
        if (frame instanceof ClientFrame.Hello h) {
            g.writeStringField("nick", h.nick());
            if (h.protocol() != null) {
                g.writeNumberField("protocol", h.protocol());
            }
            optional(g, "client", h.client());
            optional(g, "password", h.password() == null ? null : h.password().value());
        } else if (frame instanceof ClientFrame.Register r) {
            g.writeStringField("password", r.password().value());
        } else if (frame instanceof ClientFrame.Op o) {
            g.writeStringField("room", o.room());
            g.writeStringField("nick", o.nick());
        } else if (frame instanceof ClientFrame.Kick k) {
            g.writeStringField("room", k.room());
            g.writeStringField("nick", k.nick());
            optional(g, "reason", k.reason());
        } else if (frame instanceof ClientFrame.Ban b) {
            g.writeStringField("room", b.room());
            g.writeStringField("nick", b.nick());
        } else if (frame instanceof ClientFrame.Mode m) {
            g.writeStringField("room", m.room());
            optionalBoolean(g, "invite", m.invite());
            optionalBoolean(g, "moderated", m.moderated());
            optionalBoolean(g, "secret", m.secret());
        } else if (frame instanceof ClientFrame.Invite i) {
            g.writeStringField("room", i.room());
            g.writeStringField("nick", i.nick());
        } else if (frame instanceof ClientFrame.Claim c) {
            g.writeStringField("room", c.room());
        } else if (frame instanceof ClientFrame.Kill k) {
            g.writeStringField("nick", k.nick());
            optional(g, "reason", k.reason());
        } else if (frame instanceof ClientFrame.ChangePassword p) {
            g.writeStringField("old", p.old().value());
            g.writeStringField("new", p.password().value());
        } else if (frame instanceof ClientFrame.Join j) {
            g.writeStringField("room", j.room());
            if (j.since() != null) {
                g.writeNumberField("since", j.since());
            }
        } else if (frame instanceof ClientFrame.Bye b) {
            optional(g, "reason", b.reason());
        } else if (frame instanceof ClientFrame.Leave l) {
            g.writeStringField("room", l.room());
        } else if (frame instanceof ClientFrame.Say s) {
            g.writeStringField("room", s.room());
            g.writeStringField("text", s.text());
        } else if (frame instanceof ClientFrame.Whisper w) {
            g.writeStringField("to", w.to());
            g.writeStringField("text", w.text());
        } else if (frame instanceof ClientFrame.Nick n) {
            g.writeStringField("nick", n.nick());
        } else if (frame instanceof ClientFrame.Topic t) {
            g.writeStringField("room", t.room());
            g.writeStringField("topic", t.topic());
        } else if (frame instanceof ClientFrame.Who w) {
            g.writeStringField("room", w.room());
        } else if (frame instanceof ClientFrame.History h) {
            g.writeStringField("room", h.room());
            if (h.before() != null) {
                g.writeNumberField("before", h.before());
            }
            if (h.limit() != null) {
                g.writeNumberField("limit", h.limit());
            }
        }
    }

    private static void optionalBoolean(JsonGenerator g, String field, Boolean value) throws IOException {
        if (value != null) {
            g.writeBooleanField(field, value);
        }
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
