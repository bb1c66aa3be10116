package org.carepath.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body over {@link #LIMIT} bytes is read: a declared longer one is answered {@code 413} at once, and
 * a chunked one is cut off at the limit (its parse then fails as a {@code 413} too). Nothing beyond it reaches
 * Jackson or the store.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    public static final int LIMIT = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            tooLarge(request, response);
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request);
        try {
            chain.doFilter(bounded, response);
        } catch (ServletException | RuntimeException e) {
            if (!bounded.exceeded() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response);
            return;
        }
        if (bounded.exceeded() && !response.isCommitted()) {
            response.reset();
            tooLarge(request, response);
        }
    }

    private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"the request body is over " + LIMIT + " bytes\",\"field\":\"body\","
                        + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private ServletInputStream bounded;
        private boolean exceeded;

        BoundedRequest(HttpServletRequest request) {
            super(request);
        }

        boolean exceeded() {
            return exceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new Bounded(super.getInputStream());
            }
            return bounded;
        }

        private final class Bounded extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            Bounded(ServletInputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > LIMIT) {
                    exceeded = true;
                    throw new IOException("request body over " + LIMIT + " bytes");
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
}
