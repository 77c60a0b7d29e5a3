package cn.fuyou.fhir.internal;

import cn.fuyou.shared.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Saves an uploaded Bundle / NDJSON file, or unpacks a zip of them, into an import's own directory. */
public final class UploadedFiles {

    private UploadedFiles() {}

    /** At most this many bytes unpacked from one zip (a zip bomb stops here). */
    static final long MAX_UNPACKED = 20L * 1024 * 1024 * 1024;

    public static void save(String fileName, InputStream content, Path dir) throws IOException {
        String name = safeName(fileName);
        if (name.toLowerCase().endsWith(".zip")) {
            unzip(content, dir.resolve(name.substring(0, name.length() - 4)));
        } else if (name.endsWith(".json") || name.endsWith(".ndjson")) {
            Files.copy(content, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } else {
            throw ApiException.badField("files", "not a .json, .ndjson or .zip file: " + fileName);
        }
    }

    private static void unzip(InputStream content, Path into) throws IOException {
        Files.createDirectories(into);
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(content)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                String name = e.getName();
                if (!(name.endsWith(".json") || name.endsWith(".ndjson"))) continue;
                Path target = into.resolve(name).normalize();
                if (!target.startsWith(into)) throw ApiException.badField("files", "a zip entry leaves its folder: " + name);
                Files.createDirectories(target.getParent());
                try (var out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = zip.read(buf)) > 0; ) {
                        total += n;
                        if (total > MAX_UNPACKED) throw ApiException.badField("files", "the zip unpacks to more than 20 GB");
                        out.write(buf, 0, n);
                    }
                }
            }
        }
    }

    private static String safeName(String fileName) {
        String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        if (name.isBlank() || name.startsWith(".")) throw ApiException.badField("files", "a file needs a name");
        return name;
    }
}
