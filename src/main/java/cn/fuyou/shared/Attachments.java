package cn.fuyou.shared;

import java.util.Arrays;

/**
 * Attachments are checked by their content, not their name or declared type: PDF, PNG and JPEG
 * only, at most {@link #MAX_BYTES} each.
 */
public final class Attachments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private Attachments() {}

    /** The media type read from the magic bytes; a 400 naming the field otherwise. */
    public static String mediaType(byte[] content, String field) {
        if (content == null || content.length == 0) throw ApiException.badField(field, "附件为空 / the attachment is empty");
        if (content.length > MAX_BYTES) {
            throw ApiException.badField(field, "附件超过10 MB / the attachment is larger than 10 MB (" + content.length + " bytes)");
        }
        if (startsWith(content, new byte[]{'%', 'P', 'D', 'F', '-'})) return "application/pdf";
        if (startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return "image/png";
        if (startsWith(content, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return "image/jpeg";
        throw ApiException.badField(field, "只接受PDF、PNG、JPEG文件 / only PDF, PNG and JPEG files are accepted");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
