package chat.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one codec of protocol v1: lines of bytes to frames and back. Strict on what it reads:
 * UTF-8 is decoded with a reporting decoder (never silently replaced), duplicate keys, trailing
 * tokens, deep nesting and long numbers are rejected. Thread-safe; share one instance.
 */
public final class FrameCodec implements ServerFrameEncoder, ConnectionEncoder {

    /** Frames are flat objects; server frames nest three deep (joined, history, message). */
    private static final int MAX_NESTING_DEPTH = 16;
    /** Long enough for any long, short enough that a 10,000-digit number is refused unparsed. */
    private static final int MAX_NUMBER_LENGTH = 20;

    private final JsonMapper mapper;
    private final ClientFrameReader clientFrames = new ClientFrameReader();
    private final ServerFrameReader serverFrames = new ServerFrameReader();
    private final FrameWriter writer;

    public FrameCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                // Emoji go out as their 4 UTF-8 bytes, not as two 6-byte escapes: 4000 emoji
                // then take 16 KB, not 48 KB, and fit a default-sized frame.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.writer = new FrameWriter(factory);
    }

    /** JSON frames do not depend on who gets them: one codec serves every connection alike. */
    @Override
    public ServerFrameEncoder shared() {
        return this;
    }

    /** Decodes one line (newline already removed) sent by a client. Never throws. */
    public Decoded decodeRequest(byte[] line) {
        String text;
        try {
            text = strictUtf8(line);
        } catch (CharacterCodingException e) {
            return new Decoded.Rejected(ErrorCode.BAD_FRAME, "frame is not valid UTF-8", null);
        }
        return decodeRequest(text);
    }

    /** Decodes one line of text sent by a client. Never throws. */
    public Decoded decodeRequest(String line) {
        if (line.indexOf('\r') >= 0) {
            return new Decoded.Rejected(ErrorCode.BAD_FRAME, "a carriage return may only come right before the newline", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(line);
        } catch (StreamConstraintsException e) {
            return new Decoded.Rejected(ErrorCode.BAD_FRAME, "frame exceeds the JSON limits: " + e.getOriginalMessage(), null);
        } catch (JsonProcessingException e) {
            return new Decoded.Rejected(ErrorCode.BAD_FRAME, "not valid JSON: " + e.getOriginalMessage(), null);
        }
        return clientFrames.read(tree);
    }

    /** Encodes a frame the server sends, newline included. */
    @Override
    public byte[] encode(ServerFrame frame) {
        return writer.write(frame);
    }

    /** Encodes a request a client sends, newline included. */
    public byte[] encode(ClientFrame frame) {
        return writer.write(frame);
    }

    /**
     * Decodes one line sent by the server, for clients.
     *
     * @throws ProtocolException when the line is not a frame of protocol v1
     */
    public ServerFrame decodeServerFrame(byte[] line) throws ProtocolException {
        try {
            return decodeServerFrame(strictUtf8(line));
        } catch (CharacterCodingException e) {
            throw new ProtocolException("server frame is not valid UTF-8");
        }
    }

    /** @throws ProtocolException when the line is not a frame of protocol v1 */
    public ServerFrame decodeServerFrame(String line) throws ProtocolException {
        try {
            return serverFrames.read(mapper.readTree(line));
        } catch (IOException e) {
            throw new ProtocolException("server frame is not valid JSON: " + e.getMessage());
        }
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
