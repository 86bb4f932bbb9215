package org.crisiscoordination.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a POSIX (ustar) tar stream, as Jib writes its archive and layers, entry by entry. */
final class Tar {

    record Entry(String name, int mode, char type) {
    }

    interface Visitor {
        void visit(Entry entry, InputStream content) throws IOException;
    }

    private Tar() {
    }

    static void read(InputStream in, Visitor visitor) throws IOException {
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512 || header[0] == 0) {
                return;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            int mode = (int) octal(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            byte[] content = in.readNBytes((int) size);
            in.skipNBytes((512 - size % 512) % 512);
            if (type == 'L') { // a GNU long name for the next entry
                longName = text(content, 0, content.length);
                continue;
            }
            if (type == 'x' || type == 'g') { // POSIX extended headers: only the path matters here
                for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    int path = record.indexOf(" path=");
                    if (type == 'x' && path >= 0) {
                        longName = record.substring(path + " path=".length());
                    }
                }
                continue;
            }
            String full = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            longName = null;
            visitor.visit(new Entry(full, mode & 07777, type), new ByteArrayInputStream(content));
        }
    }

    private static String text(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] bytes, int offset, int length) {
        String digits = text(bytes, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }
}
