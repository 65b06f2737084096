package chat.client.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The pictures of a colour emoji font with bitmap glyphs (CBDT/CBLC, as Noto Color Emoji has):
 * Java 17 draws such a font's glyphs as nothing, so the client reads the PNG of each emoji itself.
 * Sequences (skin tones, families, flags) are joined by the font's ligatures (GSUB type 4). The
 * file is mapped, not read, so it costs no heap; pictures are decoded when first asked for.
 */
final class ColorEmojiFont {

    /** Where Debian and Ubuntu put Noto Color Emoji (package fonts-noto-color-emoji). */
    static final String DEFAULT_FILE = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
    /** Other places the same font is installed: Fedora and Arch, then a user's own fonts. */
    private static final List<String> FILES = List.of(DEFAULT_FILE,
            "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
            "/usr/share/fonts/noto/NotoColorEmoji.ttf",
            System.getProperty("user.home") + "/.local/share/fonts/NotoColorEmoji.ttf");
    /** Set to a font file to use another CBDT emoji font. */
    static final String FILE_PROPERTY = "chat.emoji-font";
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    /** A ligature: the glyphs after the first, and the glyph they all become. */
    private record Ligature(int[] rest, int glyph) {}

    private final ByteBuffer font;
    private final int[] cmapStarts;
    private final int[] cmapEnds;
    private final int[] cmapGlyphs;
    private final Map<Integer, List<Ligature>> ligatures = new HashMap<>();
    private final int cblc;
    private final int cbdt;
    private final Map<Integer, Optional<BufferedImage>> pictures = new HashMap<>();
    /** Pictures scaled to a line's height, by glyph and height; a chat uses few emoji, at one or two sizes. */
    private final Map<Long, BufferedImage> scaled = new HashMap<>();

    private ColorEmojiFont(ByteBuffer font) {
        this.font = font;
        Map<String, Integer> tables = tables();
        cblc = require(tables, "CBLC");
        cbdt = require(tables, "CBDT");
        int cmap = require(tables, "cmap");
        int groups = cmapFormat12(cmap);
        int count = font.getInt(groups + 12);
        cmapStarts = new int[count];
        cmapEnds = new int[count];
        cmapGlyphs = new int[count];
        for (int i = 0; i < count; i++) {
            int group = groups + 16 + 12 * i;
            cmapStarts[i] = font.getInt(group);
            cmapEnds[i] = font.getInt(group + 4);
            cmapGlyphs[i] = font.getInt(group + 8);
        }
        Integer gsub = tables.get("GSUB");
        if (gsub != null) {
            readLigatures(gsub);
        }
    }

    /** The emoji font of this machine, if one is installed where the client looks. */
    static Optional<ColorEmojiFont> installed() {
        String chosen = System.getProperty(FILE_PROPERTY);
        for (String file : chosen != null ? List.of(chosen) : FILES) {
            Path path = Path.of(file);
            if (Files.isReadable(path)) {
                try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    return Optional.of(new ColorEmojiFont(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())));
                } catch (IOException | RuntimeException e) {
                    System.getLogger(ColorEmojiFont.class.getName()).log(System.Logger.Level.INFO,
                            "no colour emoji from " + file + ": " + e);
                }
            }
        }
        return Optional.empty();
    }

    /** True when the font has a glyph for {@code codePoint}: a place where an emoji may start. */
    boolean covers(int codePoint) {
        return glyph(codePoint) > 0;
    }

    /**
     * The picture of one emoji, {@code height} pixels tall, written as {@code text}: a code point, or
     * a sequence the font joins into one glyph. Empty when the font has no single picture for it.
     */
    synchronized Optional<BufferedImage> picture(String text, int height) {
        return glyphOf(text).flatMap(glyph -> pictures.computeIfAbsent(glyph, this::decode)
                .map(picture -> scaled.computeIfAbsent(((long) glyph << 16) | height, key -> scale(picture, height))));
    }

    private static BufferedImage scale(BufferedImage picture, int height) {
        int width = Math.max(1, Math.round(picture.getWidth() * (float) height / picture.getHeight()));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(picture, 0, 0, width, height, null);
        g.dispose();
        return image;
    }

    private Optional<Integer> glyphOf(String text) {
        List<Integer> glyphs = new ArrayList<>();
        for (int cp : text.codePoints().toArray()) {
            int glyph = glyph(cp);
            if (glyph > 0) {
                glyphs.add(glyph);
            } else if (cp != 0xFE0F && cp != 0xFE0E) {
                return Optional.empty();
            }
        }
        List<Integer> joined = ligate(glyphs);
        return joined.size() == 1 ? Optional.of(joined.get(0)) : Optional.empty();
    }

    /** Replaces, from the left, the longest runs of glyphs the font has a ligature for. */
    private List<Integer> ligate(List<Integer> glyphs) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        while (at < glyphs.size()) {
            Ligature best = null;
            for (Ligature ligature : ligatures.getOrDefault(glyphs.get(at), List.of())) {
                if (matches(glyphs, at + 1, ligature.rest()) && (best == null || ligature.rest().length > best.rest().length)) {
                    best = ligature;
                }
            }
            out.add(best == null ? glyphs.get(at) : best.glyph());
            at += 1 + (best == null ? 0 : best.rest().length);
        }
        // A joiner left over means the font does not know the sequence: no single picture.
        int joiner = glyph(ZERO_WIDTH_JOINER);
        return joiner > 0 && out.size() > 1 ? out.stream().filter(g -> g != joiner).toList() : out;
    }

    private static boolean matches(List<Integer> glyphs, int from, int[] rest) {
        if (from + rest.length > glyphs.size()) {
            return false;
        }
        for (int i = 0; i < rest.length; i++) {
            if (glyphs.get(from + i) != rest[i]) {
                return false;
            }
        }
        return true;
    }

    private int glyph(int codePoint) {
        int low = 0;
        int high = cmapStarts.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < cmapStarts[middle]) {
                high = middle - 1;
            } else if (codePoint > cmapEnds[middle]) {
                low = middle + 1;
            } else {
                return cmapGlyphs[middle] + codePoint - cmapStarts[middle];
            }
        }
        return 0;
    }

    /** The PNG of a glyph from the first strike: CBLC index format 1 or 3, CBDT image format 17, 18 or 19. */
    private Optional<BufferedImage> decode(int glyph) {
        int array = cblc + font.getInt(cblc + 8);
        int subtables = font.getInt(cblc + 8 + 8);
        for (int i = 0; i < subtables; i++) {
            int entry = array + 8 * i;
            int first = u16(entry);
            int last = u16(entry + 2);
            if (glyph < first || glyph > last) {
                continue;
            }
            int header = array + font.getInt(entry + 4);
            int indexFormat = u16(header);
            int imageFormat = u16(header + 2);
            int imageData = cbdt + font.getInt(header + 4);
            int offset = switch (indexFormat) {
                case 1 -> font.getInt(header + 8 + 4 * (glyph - first));
                case 3 -> u16(header + 8 + 2 * (glyph - first));
                default -> -1;
            };
            int metrics = switch (imageFormat) {
                case 17 -> 5;
                case 18 -> 8;
                case 19 -> 0;
                default -> -1;
            };
            if (offset < 0 || metrics < 0) {
                return Optional.empty();
            }
            int at = imageData + offset + metrics;
            byte[] png = new byte[font.getInt(at)];
            font.get(at + 4, png);
            try {
                return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(png)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void readLigatures(int gsub) {
        int lookupList = gsub + u16(gsub + 8);
        int lookups = u16(lookupList);
        for (int i = 0; i < lookups; i++) {
            int lookup = lookupList + u16(lookupList + 2 + 2 * i);
            int type = u16(lookup);
            int subtables = u16(lookup + 4);
            for (int j = 0; j < subtables; j++) {
                int subtable = lookup + u16(lookup + 6 + 2 * j);
                if (type == 7 && u16(subtable + 2) == 4) {
                    readLigatureSubtable(subtable + font.getInt(subtable + 4));
                } else if (type == 4) {
                    readLigatureSubtable(subtable);
                }
            }
        }
    }

    private void readLigatureSubtable(int subtable) {
        int[] covered = coverage(subtable + u16(subtable + 2));
        int sets = u16(subtable + 4);
        for (int s = 0; s < sets && s < covered.length; s++) {
            int set = subtable + u16(subtable + 6 + 2 * s);
            int count = u16(set);
            for (int l = 0; l < count; l++) {
                int ligature = set + u16(set + 2 + 2 * l);
                int[] rest = new int[u16(ligature + 2) - 1];
                for (int c = 0; c < rest.length; c++) {
                    rest[c] = u16(ligature + 4 + 2 * c);
                }
                ligatures.computeIfAbsent(covered[s], g -> new ArrayList<>()).add(new Ligature(rest, u16(ligature)));
            }
        }
    }

    private int[] coverage(int table) {
        int format = u16(table);
        int count = u16(table + 2);
        if (format == 1) {
            int[] glyphs = new int[count];
            for (int i = 0; i < count; i++) {
                glyphs[i] = u16(table + 4 + 2 * i);
            }
            return glyphs;
        }
        List<Integer> glyphs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int range = table + 4 + 6 * i;
            for (int g = u16(range); g <= u16(range + 2); g++) {
                glyphs.add(g);
            }
        }
        return glyphs.stream().mapToInt(Integer::intValue).toArray();
    }

    private int cmapFormat12(int cmap) {
        int count = u16(cmap + 2);
        for (int i = 0; i < count; i++) {
            int subtable = cmap + font.getInt(cmap + 4 + 8 * i + 4);
            if (u16(subtable) == 12) {
                return subtable;
            }
        }
        throw new IllegalStateException("no cmap of format 12");
    }

    private Map<String, Integer> tables() {
        Map<String, Integer> tables = new HashMap<>();
        int count = u16(4);
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            byte[] tag = new byte[4];
            font.get(record, tag);
            tables.put(new String(tag, java.nio.charset.StandardCharsets.US_ASCII), font.getInt(record + 8));
        }
        return tables;
    }

    private static int require(Map<String, Integer> tables, String tag) {
        Integer offset = tables.get(tag);
        if (offset == null) {
            throw new IllegalStateException("no " + tag + " table: not a bitmap colour font");
        }
        return offset;
    }

    private int u16(int at) {
        return font.getShort(at) & 0xFFFF;
    }
}
