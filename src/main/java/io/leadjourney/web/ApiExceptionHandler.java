package io.leadjourney.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadjourney.decision.InvalidDecisionException;
import io.leadjourney.support.ConflictException;
import io.leadjourney.support.ForbiddenException;
import io.leadjourney.support.InvalidFieldException;
import io.leadjourney.support.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers every error of {@code /api/**} as RFC 7807 problem details. Validation problems name each field in
 * {@code errors[].field} and in the detail text.
 */
@RestControllerAdvice(basePackages = "io.leadjourney")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String ERRORS = "errors";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messageOf(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** Bean Validation on a request parameter ({@code @Min(0) int page}): each parameter at fault by its name. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", parameterName(result.getMethodParameter()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** A 400 naming each field at fault, in {@code errors} and in the detail. */
    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid " + detail);
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        tooLarge.getMessage());
                problem.setTitle("Request too large");
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Unreadable request body");
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = describe(mapping);
            problem.setDetail("Invalid " + field + ": " + message);
            problem.setProperty(ERRORS, List.of(Map.of("field", field, "message", message)));
        } else {
            problem.setDetail("The request body is not valid JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(ex.getParameterName(), "is required"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + ex.getName() + ": '" + ex.getValue() + "' is not a valid value");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, List.of(Map.of("field", ex.getName(), "message", "is not a valid value")));
        return problem;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex) {
        return invalid(ex.getField(), ex.getMessage());
    }

    @ExceptionHandler(InvalidDecisionException.class)
    ProblemDetail invalidDecision(InvalidDecisionException ex) {
        return invalid("file", ex.getMessage());
    }

    private static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(Map.of("field", field, "message", message)));
    }

    /** A request that asks for more than the caller's role allows, e.g. a manager putting a rep in the admins. */
    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Forbidden " + ex.getField() + ": " + ex.getMessage());
        problem.setTitle("Forbidden");
        problem.setProperty(ERRORS, List.of(Map.of("field", ex.getField(), "message", ex.getMessage())));
        return problem;
    }

    /** A lead, rep or import the request names that does not exist. */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle(ex.title());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflictsWithStored(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflicts with what is stored");
        return problem;
    }

    /** Another request changed the same lead at the same moment and retrying did not settle it. */
    @ExceptionHandler({ConcurrencyFailureException.class, DataIntegrityViolationException.class})
    ProblemDetail conflict(Exception ex) {
        log.warn("Concurrent change refused: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another request changed the same lead at the same moment; nothing was stored. Send it again.");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; nothing was stored. The error is in the server log.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static String messageOf(FieldError error) {
        if (error.isBindingFailure()) {
            return "'" + error.getRejectedValue() + "' is not a valid value";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + format.getValue() + "' is not a valid " + (target == null ? "value"
                    : target.getSimpleName().toLowerCase());
        }
        return "has the wrong type";
    }
}
