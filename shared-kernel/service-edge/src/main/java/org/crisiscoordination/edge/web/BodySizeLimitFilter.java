package org.crisiscoordination.edge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.crisiscoordination.edge.problem.ProblemType;
import org.crisiscoordination.edge.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Caps request bodies at 64 KiB, and refuses one that starts with a byte-order mark (a reader
 * that skips it silently would take a body strict JSON refuses). A declared {@code Content-Length} over the cap is refused before
 * reading; a chunked body is counted as it is read and refused when it passes the cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    public static final int LIMIT = 64 * 1024;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ObjectMapper json;

    public BodySizeLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            Problems.write(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, new PayloadTooLargeException().getMessage(),
                    request), response, json);
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /** Thrown when a body starts with a UTF-8 byte-order mark, which strict JSON (RFC 8259) refuses; answered 400. */
    public static class ByteOrderMarkException extends IOException {
        public ByteOrderMarkException() {
            super("the body starts with a byte-order mark; send JSON without one");
        }
    }

    /** Thrown when a body passes the cap; answered 413. */
    public static class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException() {
            super("the request body is larger than " + LIMIT + " bytes");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private long count;
        private boolean openingMatches;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && count < BYTE_ORDER_MARK.length) {
                opening(count, (byte) b);
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n && count + i < BYTE_ORDER_MARK.length; i++) {
                opening(count + i, buffer[offset + i]);
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        /** Looks at the body's first bytes as they are read, one at a time or in a block. */
        private void opening(long position, byte b) throws ByteOrderMarkException {
            if (position == 0) {
                openingMatches = true;
            }
            openingMatches &= b == BYTE_ORDER_MARK[(int) position];
            if (openingMatches && position == BYTE_ORDER_MARK.length - 1) {
                throw new ByteOrderMarkException();
            }
        }

        private void counted(int n) throws PayloadTooLargeException {
            count += n;
            if (count > LIMIT) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
