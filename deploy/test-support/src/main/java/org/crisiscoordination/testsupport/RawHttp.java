package org.crisiscoordination.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes no HTTP client would send (control characters in headers, oversized headers) and
 * reads the answer as it comes, for the errors a server gives before its application sees a request.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    /** An answer, split into its status, its header block and its body. */
    public record Answer(int status, String headers, String body) {

        /** The first value of a header, by case-insensitive name, or null. */
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as ISO-8859-1 bytes to localhost:{@code port} and reads until the server closes. */
    public static Answer exchange(int port, String request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String raw = readAll(socket.getInputStream());
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            if ("chunked".equals(headerOf(head, "Transfer-Encoding"))) {
                body = unchunk(body);
            }
            String statusLine = head.split("\r\n", 2)[0];
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException keptOpenOrReset) {
            // what arrived is the answer
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String headerOf(String head, String name) {
        return new Answer(0, head, "").header(name) == null ? null
                : new Answer(0, head, "").header(name).toLowerCase(Locale.ROOT);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }
}
