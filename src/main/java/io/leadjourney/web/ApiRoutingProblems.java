package io.leadjourney.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for requests to {@code /api/**} that no controller of ours takes: a path nobody maps (404), a
 * method the path does not allow (405, with {@code Allow}), or a body type it does not read (415). Those
 * fail before a controller is chosen, so {@link ApiExceptionHandler}, which serves our controllers, never sees them.
 * Outside {@code /api} they are left to Spring Boot's error page.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingProblems {

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> unrouted(ServletException ex, HttpServletRequest request) throws ServletException {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw ex;
        }
        ErrorResponse error = (ErrorResponse) ex;
        ProblemDetail problem = error.getBody();
        if (ex instanceof NoResourceFoundException) {
            problem.setTitle("Not found");
            problem.setDetail("No API at " + request.getMethod() + " " + request.getRequestURI()
                    + "; the API is described at /v3/api-docs");
        }
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
    }
}
