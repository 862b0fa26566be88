package io.leadjourney.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Request bodies of the API have a size limit: {@code leadjourney.api.max-body} (1 MB) and, for event batches,
 * {@code leadjourney.api.max-batch-body} (10 MB, room for 10,000 events) and, for lead lists,
 * {@code leadjourney.api.max-import-body} (50 MB, about 250,000 rows). A declared length over the limit is
 * refused at once with 413; a body sent without one is cut off when it passes the limit.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final String BATCH_PATH = "/api/events";
    static final String IMPORT_PATH = "/api/imports";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeLimitFilter(
            @Value("${leadjourney.api.max-body:1MB}") DataSize maxBody,
            @Value("${leadjourney.api.max-batch-body:10MB}") DataSize maxBatchBody,
            @Value("${leadjourney.api.max-import-body:50MB}") DataSize maxImportBody) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Limit(maxBody.toBytes(), maxBatchBody.toBytes(), maxImportBody.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Thrown when a body without a declared length passes the limit; answered as 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
        }
    }

    private static final class Limit extends OncePerRequestFilter {
        private final long maxBody;
        private final long maxBatchBody;
        private final long maxImportBody;

        Limit(long maxBody, long maxBatchBody, long maxImportBody) {
            this.maxBody = maxBody;
            this.maxBatchBody = maxBatchBody;
            this.maxImportBody = maxImportBody;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            long limit = path.equals(BATCH_PATH) ? maxBatchBody : path.equals(IMPORT_PATH) ? maxImportBody : maxBody;
            if (request.getContentLengthLong() > limit) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than " + limit + " bytes\"}");
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(request) {
                private ServletInputStream limited;

                @Override
                public ServletInputStream getInputStream() throws IOException {
                    if (limited == null) {
                        limited = new LimitedStream(super.getInputStream(), limit);
                    }
                    return limited;
                }
            }, response);
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > limit) {
                throw new BodyTooLargeException(limit);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > limit) {
                throw new BodyTooLargeException(limit);
            }
            return n;
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
